using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Serialization.Metadata;
using System.Text.RegularExpressions;
using Assistants.Client.Serialization;

namespace Assistants.Client.Tests.Replay;

/// <summary>Every route of the library with the model of its response, grouped by resource.</summary>
internal static class ReplayRoutes
{
    private const string Id = "[^/]+";

    public static IReadOnlyList<ReplayRoute> All { get; } = Build().ToList();

    public static ReplayRoute? Find(RecordedEntry entry) => All.FirstOrDefault(r => r.Matches(entry));

    private static IEnumerable<ReplayRoute> Build()
    {
        AssistantsJsonContext json = AssistantsJsonContext.Default;

        //// Assistants
        yield return Route("POST", "assistants", json.Assistant, "create assistant");
        yield return Route("GET", "assistants", json.ListResponseAssistant, "list assistants");
        yield return Route("GET", $"assistants/{Id}", json.Assistant, "retrieve assistant");
        yield return Route("POST", $"assistants/{Id}", json.Assistant, "modify assistant");
        yield return Route("DELETE", $"assistants/{Id}", json.DeletionResult, "delete assistant");

        //// Threads
        yield return Route("POST", "threads", json.AssistantThread, "create thread");
        yield return Route("GET", $"threads/{Id}", json.AssistantThread, "retrieve thread");
        // "threads/runs" is create-thread-and-run (Runs section), not a thread id.
        yield return Route("POST", $"threads/(?!runs$){Id}", json.AssistantThread, "modify thread");
        yield return Route("DELETE", $"threads/{Id}", json.DeletionResult, "delete thread");

        //// Messages
        yield return Route("POST", $"threads/{Id}/messages", json.ThreadMessage, "create message");
        yield return Route("GET", $"threads/{Id}/messages", json.ListResponseThreadMessage, "list messages");
        yield return Route("GET", $"threads/{Id}/messages/{Id}", json.ThreadMessage, "retrieve message");
        yield return Route("POST", $"threads/{Id}/messages/{Id}", json.ThreadMessage, "modify message");
        yield return Route("DELETE", $"threads/{Id}/messages/{Id}", json.DeletionResult, "delete message");

        //// Runs
        yield return Route("POST", "threads/runs", json.ThreadRun, "create thread and run");
        yield return Route("POST", $"threads/{Id}/runs", json.ThreadRun, "create run");
        yield return Route("GET", $"threads/{Id}/runs", json.ListResponseThreadRun, "list runs");
        yield return Route("GET", $"threads/{Id}/runs/{Id}", json.ThreadRun, "retrieve run");
        yield return Route("POST", $"threads/{Id}/runs/{Id}", json.ThreadRun, "modify run");
        yield return Route("POST", $"threads/{Id}/runs/{Id}/cancel", json.ThreadRun, "cancel run");
        yield return Route("POST", $"threads/{Id}/runs/{Id}/submit_tool_outputs", json.ThreadRun, "submit tool outputs");

        //// RunSteps
        yield return Route("GET", $"threads/{Id}/runs/{Id}/steps", json.ListResponseRunStep, "list run steps");
        yield return Route("GET", $"threads/{Id}/runs/{Id}/steps/{Id}", json.RunStep, "retrieve run step");

        //// Files
        yield return Route("POST", "files", json.StoredFile, "upload file");
        yield return Route("GET", "files", json.ListResponseStoredFile, "list files");
        yield return Route("GET", $"files/{Id}", json.StoredFile, "retrieve file");
        yield return Route("DELETE", $"files/{Id}", json.DeletionResult, "delete file");
        yield return Route("GET", $"files/{Id}/content", json.JsonElement, "download file content (errors only are JSON)");

        //// VectorStores
        yield return Route("POST", "vector_stores", json.VectorStore, "create vector store");
        yield return Route("GET", "vector_stores", json.ListResponseVectorStore, "list vector stores");
        yield return Route("GET", $"vector_stores/{Id}", json.VectorStore, "retrieve vector store");
        yield return Route("POST", $"vector_stores/{Id}", json.VectorStore, "modify vector store");
        yield return Route("DELETE", $"vector_stores/{Id}", json.DeletionResult, "delete vector store");
        yield return Route("POST", $"vector_stores/{Id}/files", json.VectorStoreFile, "create vector store file");
        yield return Route("GET", $"vector_stores/{Id}/files", json.ListResponseVectorStoreFile, "list vector store files");
        yield return Route("GET", $"vector_stores/{Id}/files/{Id}", json.VectorStoreFile, "retrieve vector store file");
        yield return Route("POST", $"vector_stores/{Id}/files/{Id}", json.VectorStoreFile, "update vector store file attributes");
        yield return Route("DELETE", $"vector_stores/{Id}/files/{Id}", json.DeletionResult, "delete vector store file");
        yield return Route("POST", $"vector_stores/{Id}/file_batches", json.VectorStoreFileBatch, "create file batch");
        yield return Route("GET", $"vector_stores/{Id}/file_batches/{Id}", json.VectorStoreFileBatch, "retrieve file batch");
        yield return Route("POST", $"vector_stores/{Id}/file_batches/{Id}/cancel", json.VectorStoreFileBatch, "cancel file batch");
        yield return Route("GET", $"vector_stores/{Id}/file_batches/{Id}/files", json.ListResponseVectorStoreFile, "list file batch files");
        yield return Route("POST", $"vector_stores/{Id}/search", json.VectorStoreSearchResults, "search vector store");
        yield return Route("GET", $"vector_stores/{Id}/files/{Id}/content", json.VectorStoreFileContent, "retrieve vector store file content");

        //// Outside the Assistants API
        // Recorded only as a 401 (ChatTests/AuthFailure*), copied for the shape of an authentication error body;
        // the library has no chat method, so only the error path of this route is ever replayed.
        yield return Route("POST", "chat/completions", json.JsonElement, "chat completion (recorded only as a 401 error)");
    }

    private static ReplayRoute Route(string method, string path, JsonTypeInfo type, string name)
        => new(method, new Regex("^" + path + "$", RegexOptions.CultureInvariant), type, name);
}
