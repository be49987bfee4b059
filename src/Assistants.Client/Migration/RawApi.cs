using System.Collections.Generic;
using System.Net.Http;
using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using Assistants.Client.Internal;

namespace Assistants.Client.Migration;

/// <summary>
/// Calls through the client's pipeline (profile, auth, retries, timeouts) that keep the server's JSON as it came:
/// a migration writes what the server holds, unknown fields included, without a round trip through the models.
/// </summary>
internal sealed class RawApi(ClientPipeline pipeline)
{
    private const int PageSize = 100;

    public async Task<JsonObject> GetAsync(ApiOperation operation, string path, CancellationToken cancellationToken)
        => await SendAsync(operation, path, null, null, cancellationToken).ConfigureAwait(false);

    public Task<JsonObject> PostAsync(ApiOperation operation, string path, JsonNode body, CancellationToken cancellationToken)
        => PostAsync(operation, path, new JsonBody(MigrationJson.ToUtf8(body)), cancellationToken);

    public async Task<JsonObject> PostAsync(ApiOperation operation, string path, HttpContent body, CancellationToken cancellationToken)
        => await SendAsync(operation, path, null, body, cancellationToken).ConfigureAwait(false);

    /// <summary>Every item of a list, oldest first, page by page (<c>order=asc</c>, <c>after</c> the last id).</summary>
    public async IAsyncEnumerable<JsonObject> ListAsync(ApiOperation operation, string path, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        string? after = null;
        while (true)
        {
            QueryBuilder query = new QueryBuilder().Add("limit", PageSize).Add("order", "asc").Add("after", after);
            JsonObject page = await SendAsync(operation, path, query, null, cancellationToken).ConfigureAwait(false);
            JsonArray data = page["data"] as JsonArray ?? [];
            string? last = null;
            foreach (JsonNode? item in data)
            {
                if (item is JsonObject json)
                {
                    last = (string?)json["id"] ?? last;
                    yield return json;
                }
            }

            after = (string?)page["last_id"] ?? last;
            if (page["has_more"]?.GetValue<bool>() != true || after is null || data.Count == 0)
            {
                yield break;
            }
        }
    }

    private async Task<JsonObject> SendAsync(ApiOperation operation, string path, QueryBuilder? query, HttpContent? content, CancellationToken cancellationToken)
    {
        using HttpRequestMessage request = pipeline.CreateRequest(operation, path, query, content);
        using HttpResponseMessage response = await pipeline.SendAsync(operation, request, HttpCompletionOption.ResponseContentRead, cancellationToken).ConfigureAwait(false);
#if NET5_0_OR_GREATER
        byte[] body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
#else
        byte[] body = await response.Content.ReadAsByteArrayAsync().ConfigureAwait(false);
#endif
        return JsonNode.Parse(body) as JsonObject
            ?? throw new AssistantsApiException($"{operation.Method.Method} {path} returned JSON that is not an object.");
    }
}
