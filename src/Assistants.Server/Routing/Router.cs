using System;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Assistants.Server.Endpoints;
using Assistants.Server.Errors;

namespace Assistants.Server.Routing;

/// <summary>Maps method and path segments to endpoints; anything else is the service's <c>Invalid URL</c> 404.</summary>
internal sealed class Router
{
    private readonly AssistantEndpoints _assistants;
    private readonly ThreadEndpoints _threads;
    private readonly MessageEndpoints _messages;
    private readonly RunEndpoints _runs;
    private readonly FileEndpoints _files;
    private readonly VectorStoreEndpoints _vectorStores;
    private readonly VectorStoreFileEndpoints _vectorStoreFiles;
    private readonly VectorStoreSearchEndpoint _vectorStoreSearch;
    private readonly ImportEndpoints _import;

    public Router(ServerContext context, bool importEnabled = false)
    {
        _import = new ImportEndpoints(context, importEnabled);
        _vectorStoreFiles = new VectorStoreFileEndpoints(context);
        _vectorStores = new VectorStoreEndpoints(context, _vectorStoreFiles);
        var toolStores = new ToolResourceStores(_vectorStores, _vectorStoreFiles);
        _assistants = new AssistantEndpoints(context, toolStores);
        _threads = new ThreadEndpoints(context, toolStores);
        _messages = new MessageEndpoints(context, toolStores);
        _runs = new RunEndpoints(context, _threads, toolStores);
        _files = new FileEndpoints(context);
        _vectorStoreSearch = new VectorStoreSearchEndpoint(context);
    }

    public Task<HttpResponseMessage> RouteAsync(ApiRequest request, CancellationToken cancellationToken)
    {
        string[] s = request.Segments;
        string m = request.Method.Method;
        Task<HttpResponseMessage>? result = (s.Length > 0 ? s[0] : "") switch
        {
            "assistants" => Assistants(request, s, m, cancellationToken),
            "threads" => Threads(request, s, m, cancellationToken),
            "files" => Files(request, s, m, cancellationToken),
            "vector_stores" => VectorStores(request, s, m, cancellationToken),
            "_import" => Import(request, s, m, cancellationToken),
            _ => null,
        };
        return result ?? throw ApiErrors.InvalidUrl(m, request.Path);
    }

    private Task<HttpResponseMessage>? Assistants(ApiRequest r, string[] s, string m, CancellationToken ct) => (s.Length, m) switch
    {
        (1, "GET") => Task.FromResult(_assistants.List(r)),
        (1, "POST") => _assistants.CreateAsync(r, ct),
        (2, "GET") => Task.FromResult(_assistants.Retrieve(s[1])),
        (2, "POST") => _assistants.ModifyAsync(r, s[1], ct),
        (2, "DELETE") => Task.FromResult(_assistants.Delete(s[1])),
        _ => null,
    };

    private Task<HttpResponseMessage>? Threads(ApiRequest r, string[] s, string m, CancellationToken ct) => (s.Length, m) switch
    {
        (1, "GET") => Task.FromResult(_threads.List(r)),
        (1, "POST") => _threads.CreateAsync(r, ct),
        (2, "POST") when s[1] == "runs" => _runs.CreateThreadAndRunAsync(r, ct),
        (2, "GET") => Task.FromResult(_threads.Retrieve(s[1])),
        (2, "POST") => _threads.ModifyAsync(r, s[1], ct),
        (2, "DELETE") => Task.FromResult(_threads.Delete(s[1])),
        (3, "GET") when s[2] == "messages" => Task.FromResult(_messages.List(r, s[1])),
        (3, "POST") when s[2] == "messages" => _messages.CreateAsync(r, s[1], ct),
        (4, "GET") when s[2] == "messages" => Task.FromResult(_messages.Retrieve(s[1], s[3])),
        (4, "POST") when s[2] == "messages" => _messages.ModifyAsync(r, s[1], s[3], ct),
        (4, "DELETE") when s[2] == "messages" => Task.FromResult(_messages.Delete(s[1], s[3])),
        _ when s.Length >= 3 && s[2] == "runs" => Runs(r, s, m, ct),
        _ => null,
    };

    private Task<HttpResponseMessage>? Runs(ApiRequest r, string[] s, string m, CancellationToken ct) => (s.Length, m) switch
    {
        (3, "GET") => Task.FromResult(_runs.List(r, s[1])),
        (3, "POST") => _runs.CreateAsync(r, s[1], ct),
        (4, "GET") => Task.FromResult(_runs.Retrieve(s[1], s[3])),
        (4, "POST") => _runs.ModifyAsync(r, s[1], s[3], ct),
        (5, "POST") when s[4] == "cancel" => Task.FromResult(_runs.Cancel(s[1], s[3])),
        (5, "POST") when s[4] == "submit_tool_outputs" => _runs.SubmitToolOutputsAsync(r, s[1], s[3], ct),
        (5, "GET") when s[4] == "steps" => Task.FromResult(_runs.ListSteps(r, s[1], s[3])),
        (6, "GET") when s[4] == "steps" => Task.FromResult(_runs.RetrieveStep(r, s[1], s[3], s[5])),
        _ => null,
    };

    private Task<HttpResponseMessage>? Files(ApiRequest r, string[] s, string m, CancellationToken ct) => (s.Length, m) switch
    {
        (1, "GET") => Task.FromResult(_files.List(r)),
        (1, "POST") => _files.UploadAsync(r, ct),
        (2, "GET") => Task.FromResult(_files.Retrieve(s[1])),
        (2, "DELETE") => Task.FromResult(_files.Delete(s[1])),
        (3, "GET") when s[2] == "content" => Task.FromResult(_files.Content(s[1])),
        _ => null,
    };

    private Task<HttpResponseMessage>? VectorStores(ApiRequest r, string[] s, string m, CancellationToken ct) => (s.Length, m) switch
    {
        (1, "GET") => Task.FromResult(_vectorStores.List(r)),
        (1, "POST") => _vectorStores.CreateAsync(r, ct),
        (2, "GET") => Task.FromResult(_vectorStores.Retrieve(s[1])),
        (2, "POST") => _vectorStores.ModifyAsync(r, s[1], ct),
        (2, "DELETE") => Task.FromResult(_vectorStores.Delete(s[1])),
        (3, "POST") when s[2] == "search" => _vectorStoreSearch.SearchAsync(r, s[1], ct),
        (3, "GET") when s[2] == "files" => Task.FromResult(_vectorStoreFiles.List(r, s[1])),
        (3, "POST") when s[2] == "files" => _vectorStoreFiles.CreateAsync(r, s[1], ct),
        (4, "GET") when s[2] == "files" => Task.FromResult(_vectorStoreFiles.Retrieve(s[1], s[3])),
        (4, "DELETE") when s[2] == "files" => Task.FromResult(_vectorStoreFiles.Delete(s[1], s[3])),
        (3, "POST") when s[2] == "file_batches" => _vectorStoreFiles.CreateBatchAsync(r, s[1], ct),
        (4, "GET") when s[2] == "file_batches" => Task.FromResult(_vectorStoreFiles.RetrieveBatch(s[1], s[3])),
        (5, "POST") when s[2] == "file_batches" && s[4] == "cancel" => Task.FromResult(_vectorStoreFiles.CancelBatch(s[1], s[3])),
        (5, "GET") when s[2] == "file_batches" && s[4] == "files" => Task.FromResult(_vectorStoreFiles.List(r, s[1], s[3])),
        _ => null,
    };

    private Task<HttpResponseMessage>? Import(ApiRequest r, string[] s, string m, CancellationToken ct) => (s.Length, m) switch
    {
        (1, "POST") => _import.ImportAsync(r, ct),
        (4, "POST") when s[1] == "files" && s[3] == "content" => _import.ImportContentAsync(r, s[2], ct),
        _ => null,
    };

    /// <summary>Splits the path into segments after the optional prefix.</summary>
    public static string[] Segments(string path, string prefix)
    {
        string trimmed = path.TrimEnd('/');
        string normalizedPrefix = "/" + prefix.Trim('/');
        if (normalizedPrefix.Length > 1 && (trimmed == normalizedPrefix || trimmed.StartsWith(normalizedPrefix + "/", StringComparison.Ordinal)))
        {
            trimmed = trimmed[normalizedPrefix.Length..];
        }

        return [.. trimmed.Split('/', StringSplitOptions.RemoveEmptyEntries).Select(Uri.UnescapeDataString)];
    }
}
