using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using Assistants.Server.Errors;
using Assistants.Server.Json;
using Assistants.Server.Routing;
using Assistants.Server.Search;
using Assistants.Server.Storage;

namespace Assistants.Server.Endpoints;

/// <summary>
/// <c>POST /vector_stores/{id}/search</c>: <c>query</c> (a string or strings), <c>filters</c> on file attributes,
/// <c>max_num_results</c> (1-50, default 10), <c>ranking_options</c> (<c>ranker</c>, <c>score_threshold</c>) and
/// <c>rewrite_query</c> (the query is reduced to its keywords, which <c>search_query</c> then shows).
/// </summary>
internal sealed class VectorStoreSearchEndpoint(ServerContext context)
{
    private static readonly string[] s_rankers = ["auto", "none", "default-2024-11-15"];

    public async Task<HttpResponseMessage> SearchAsync(ApiRequest request, string storeId, CancellationToken cancellationToken)
    {
        JsonObject body = await request.ReadBodyAsync(cancellationToken).ConfigureAwait(false);
        _ = context.Docs.Find(DocKinds.VectorStore, DocKinds.Root, storeId) ?? throw ApiErrors.NotFound("vector store", storeId);
        List<string> queries = Queries(body);
        if (JsonNodes.GetBool(body, "rewrite_query"))
        {
            queries = [.. queries.Select(query => string.Join(' ', KeywordTerms.Of(query)))];
        }

        long max = JsonNodes.GetInt(body, "max_num_results") ?? 10;
        if (max is < 1 or > 50)
        {
            throw ApiErrors.BadRequest($"Invalid 'max_num_results': must be between 1 and 50, but got {max}.", "max_num_results",
                max < 1 ? "integer_below_min_value" : "integer_above_max_value");
        }

        JsonNode? filters = body["filters"];
        if (filters is not null)
        {
            AttributeFilter.Validate(filters);
        }

        double threshold = RankingThreshold(JsonNodes.GetObject(body, "ranking_options"), "ranking_options");
        List<SearchHit> hits = await context.Search.SearchAsync([storeId], queries, filters, (int)max, threshold, cancellationToken).ConfigureAwait(false);
        return Responses.Json(new JsonObject
        {
            ["object"] = "vector_store.search_results.page",
            ["search_query"] = new JsonArray([.. queries.Select(query => (JsonNode)query)]),
            ["data"] = new JsonArray([.. hits.Select(hit => (JsonNode)new JsonObject
            {
                ["file_id"] = hit.FileId,
                ["filename"] = hit.FileName,
                ["score"] = hit.Score,
                ["attributes"] = hit.Attributes,
                ["content"] = new JsonArray(new JsonObject { ["type"] = "text", ["text"] = hit.Text }),
            })]),
            ["has_more"] = false,
            ["next_page"] = null,
        });
    }

    /// <summary>Checks <c>ranking_options</c> and returns its <c>score_threshold</c> (0 when absent).</summary>
    public static double RankingThreshold(JsonObject? options, string param)
    {
        if (options is null)
        {
            return 0;
        }

        string? ranker = JsonNodes.GetString(options, "ranker");
        if (ranker is not null && !s_rankers.Contains(ranker) && ranker != "default_2024_08_21")
        {
            throw ApiErrors.BadRequest($"Invalid value: '{ranker}'. Supported values are: 'auto', 'none' and 'default-2024-11-15'.", param + ".ranker", "invalid_value");
        }

        if (options["score_threshold"] is not JsonNode node)
        {
            return 0;
        }

        if (node is not JsonValue value || value.GetValueKind() != JsonValueKind.Number)
        {
            throw ApiErrors.InvalidType(param + ".score_threshold", "a number", JsonNodes.Describe(node));
        }

        double threshold = value.GetValue<double>();
        return threshold is >= 0 and <= 1 ? threshold
            : throw ApiErrors.BadRequest($"Invalid 'score_threshold': must be between 0 and 1, but got {threshold}.", param + ".score_threshold",
                threshold < 0 ? "decimal_below_min_value" : "decimal_above_max_value");
    }

    private static List<string> Queries(JsonObject body)
    {
        switch (body["query"])
        {
            case null:
                throw ApiErrors.MissingParameter("query");
            case JsonValue value when value.TryGetValue(out string? text):
                return [text];
            case JsonArray { Count: > 0 } array:
                return [.. array.Select((node, i) => node is JsonValue item && item.TryGetValue(out string? text)
                    ? text : throw ApiErrors.InvalidType($"query[{i}]", "a string", JsonNodes.Describe(node)))];
            case JsonArray:
                throw ApiErrors.BadRequest("Invalid 'query': empty array. Expected an array with minimum length 1, but got an empty array instead.", "query", "empty_array");
            case JsonNode other:
                throw ApiErrors.InvalidType("query", "a string or an array of strings", JsonNodes.Describe(other));
        }
    }
}
