using static Assistants.Client.Internal.RetrySafety;
using static System.Net.Http.HttpMethod;

namespace Assistants.Client.Internal;

/// <summary>
/// Every operation the public clients send, in one table (names are the spec's <c>operationId</c> in snake_case;
/// they are stable: telemetry and per-server capabilities key on them).
/// </summary>
/// <remarks>
/// THE RETRY RULE. An operation whose repetition would create or change something twice (every create, the file
/// upload, and submit tool outputs, streaming or not) is <see cref="NotAfterSend"/>: it is sent again ONLY when the
/// request provably never reached the server (connection refused, name resolution, TLS failure before any byte was
/// sent) or the server said it did not process it (429, <c>x-should-retry: true</c>); never on 408, 409, 5xx,
/// timeouts or a connection lost after sending. Reads, modifies of an existing id, deletes and cancels are
/// <see cref="Safe"/> and are retried on 408/409/429/5xx, timeouts and connection failures. Whatever the class, a
/// request body is sent again only if it can be replayed (JSON bytes always; an upload only from a seekable stream,
/// rewound to where it started). See <c>docs/retries.md</c>.
/// </remarks>
internal static class ApiOperations
{
    // Assistants
    public static readonly ApiOperation CreateAssistant = new("create_assistant", Post, "assistants", NotAfterSend);
    public static readonly ApiOperation ListAssistants = new("list_assistants", Get, "assistants", Safe);
    public static readonly ApiOperation GetAssistant = new("get_assistant", Get, "assistants/{assistant_id}", Safe);
    public static readonly ApiOperation ModifyAssistant = new("modify_assistant", Post, "assistants/{assistant_id}", Safe);
    public static readonly ApiOperation DeleteAssistant = new("delete_assistant", Delete, "assistants/{assistant_id}", Safe);

    // Threads
    public static readonly ApiOperation CreateThread = new("create_thread", Post, "threads", NotAfterSend);
    public static readonly ApiOperation ListThreads = new("list_threads", Get, "threads", Safe); // not in OpenAI's protocol; Foundry serves it
    public static readonly ApiOperation GetThread = new("get_thread", Get, "threads/{thread_id}", Safe);
    public static readonly ApiOperation ModifyThread = new("modify_thread", Post, "threads/{thread_id}", Safe);
    public static readonly ApiOperation DeleteThread = new("delete_thread", Delete, "threads/{thread_id}", Safe);

    // Messages
    public static readonly ApiOperation CreateMessage = new("create_message", Post, "threads/{thread_id}/messages", NotAfterSend);
    public static readonly ApiOperation ListMessages = new("list_messages", Get, "threads/{thread_id}/messages", Safe);
    public static readonly ApiOperation GetMessage = new("get_message", Get, "threads/{thread_id}/messages/{message_id}", Safe);
    public static readonly ApiOperation ModifyMessage = new("modify_message", Post, "threads/{thread_id}/messages/{message_id}", Safe);
    public static readonly ApiOperation DeleteMessage = new("delete_message", Delete, "threads/{thread_id}/messages/{message_id}", Safe);

    // Runs
    public static readonly ApiOperation CreateRun = new("create_run", Post, "threads/{thread_id}/runs", NotAfterSend);
    public static readonly ApiOperation CreateRunStream = new("create_run_stream", Post, "threads/{thread_id}/runs", NotAfterSend, streaming: true);
    public static readonly ApiOperation CreateThreadAndRun = new("create_thread_and_run", Post, "threads/runs", NotAfterSend);
    public static readonly ApiOperation CreateThreadAndRunStream = new("create_thread_and_run_stream", Post, "threads/runs", NotAfterSend, streaming: true);
    public static readonly ApiOperation ListRuns = new("list_runs", Get, "threads/{thread_id}/runs", Safe);
    public static readonly ApiOperation GetRun = new("get_run", Get, "threads/{thread_id}/runs/{run_id}", Safe);
    public static readonly ApiOperation ModifyRun = new("modify_run", Post, "threads/{thread_id}/runs/{run_id}", Safe);
    public static readonly ApiOperation CancelRun = new("cancel_run", Post, "threads/{thread_id}/runs/{run_id}/cancel", Safe);
    public static readonly ApiOperation SubmitToolOutputs = new("submit_tool_outputs", Post, "threads/{thread_id}/runs/{run_id}/submit_tool_outputs", NotAfterSend);
    public static readonly ApiOperation SubmitToolOutputsStream = new("submit_tool_outputs_stream", Post, "threads/{thread_id}/runs/{run_id}/submit_tool_outputs", NotAfterSend, streaming: true);

    // Run steps
    public static readonly ApiOperation ListRunSteps = new("list_run_steps", Get, "threads/{thread_id}/runs/{run_id}/steps", Safe);
    public static readonly ApiOperation GetRunStep = new("get_run_step", Get, "threads/{thread_id}/runs/{run_id}/steps/{step_id}", Safe);

    // Files
    public static readonly ApiOperation CreateFile = new("create_file", Post, "files", NotAfterSend);
    public static readonly ApiOperation ListFiles = new("list_files", Get, "files", Safe);
    public static readonly ApiOperation RetrieveFile = new("retrieve_file", Get, "files/{file_id}", Safe);
    public static readonly ApiOperation DeleteFile = new("delete_file", Delete, "files/{file_id}", Safe);
    public static readonly ApiOperation DownloadFile = new("download_file", Get, "files/{file_id}/content", Safe);

    // Vector stores
    public static readonly ApiOperation CreateVectorStore = new("create_vector_store", Post, "vector_stores", NotAfterSend);
    public static readonly ApiOperation ListVectorStores = new("list_vector_stores", Get, "vector_stores", Safe);
    public static readonly ApiOperation GetVectorStore = new("get_vector_store", Get, "vector_stores/{vector_store_id}", Safe);
    public static readonly ApiOperation ModifyVectorStore = new("modify_vector_store", Post, "vector_stores/{vector_store_id}", Safe);
    public static readonly ApiOperation DeleteVectorStore = new("delete_vector_store", Delete, "vector_stores/{vector_store_id}", Safe);
    public static readonly ApiOperation SearchVectorStore = new("search_vector_store", Post, "vector_stores/{vector_store_id}/search", Safe);

    // Vector store files
    public static readonly ApiOperation CreateVectorStoreFile = new("create_vector_store_file", Post, "vector_stores/{vector_store_id}/files", NotAfterSend);
    public static readonly ApiOperation ListVectorStoreFiles = new("list_vector_store_files", Get, "vector_stores/{vector_store_id}/files", Safe);
    public static readonly ApiOperation GetVectorStoreFile = new("get_vector_store_file", Get, "vector_stores/{vector_store_id}/files/{file_id}", Safe);
    public static readonly ApiOperation UpdateVectorStoreFileAttributes = new("update_vector_store_file_attributes", Post, "vector_stores/{vector_store_id}/files/{file_id}", Safe);
    public static readonly ApiOperation DeleteVectorStoreFile = new("delete_vector_store_file", Delete, "vector_stores/{vector_store_id}/files/{file_id}", Safe);
    public static readonly ApiOperation RetrieveVectorStoreFileContent = new("retrieve_vector_store_file_content", Get, "vector_stores/{vector_store_id}/files/{file_id}/content", Safe);

    // Vector store file batches
    public static readonly ApiOperation CreateVectorStoreFileBatch = new("create_vector_store_file_batch", Post, "vector_stores/{vector_store_id}/file_batches", NotAfterSend);
    public static readonly ApiOperation GetVectorStoreFileBatch = new("get_vector_store_file_batch", Get, "vector_stores/{vector_store_id}/file_batches/{batch_id}", Safe);
    public static readonly ApiOperation CancelVectorStoreFileBatch = new("cancel_vector_store_file_batch", Post, "vector_stores/{vector_store_id}/file_batches/{batch_id}/cancel", Safe);
    public static readonly ApiOperation ListFilesInVectorStoreBatch = new("list_files_in_vector_store_batch", Get, "vector_stores/{vector_store_id}/file_batches/{batch_id}/files", Safe);

    // Assistants.Server's import routes (docs/migration.md): Safe, since the server refuses an id it already holds with a
    // 409 and stores a batch in one transaction, so a repeated request cannot store anything twice.
    public static readonly ApiOperation ImportObjects = new("import_objects", Post, "_import", Safe);
    public static readonly ApiOperation ImportFileContent = new("import_file_content", Post, "_import/files/{file_id}/content", Safe);

    /// <summary>Gets every operation above, for audits and tests.</summary>
    public static ApiOperation[] All { get; } =
    [
        CreateAssistant, ListAssistants, GetAssistant, ModifyAssistant, DeleteAssistant,
        CreateThread, ListThreads, GetThread, ModifyThread, DeleteThread,
        CreateMessage, ListMessages, GetMessage, ModifyMessage, DeleteMessage,
        CreateRun, CreateRunStream, CreateThreadAndRun, CreateThreadAndRunStream, ListRuns, GetRun, ModifyRun, CancelRun, SubmitToolOutputs, SubmitToolOutputsStream,
        ListRunSteps, GetRunStep,
        CreateFile, ListFiles, RetrieveFile, DeleteFile, DownloadFile,
        CreateVectorStore, ListVectorStores, GetVectorStore, ModifyVectorStore, DeleteVectorStore, SearchVectorStore,
        CreateVectorStoreFile, ListVectorStoreFiles, GetVectorStoreFile, UpdateVectorStoreFileAttributes, DeleteVectorStoreFile, RetrieveVectorStoreFileContent,
        CreateVectorStoreFileBatch, GetVectorStoreFileBatch, CancelVectorStoreFileBatch, ListFilesInVectorStoreBatch,
        ImportObjects, ImportFileContent,
    ];
}
