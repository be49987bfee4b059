using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using Assistants.Server.Errors;
using Assistants.Server.Validation;

namespace Assistants.Server.Routing;

/// <summary>Cursor pagination as the service does it: <c>limit</c> 1-100 (default 20), <c>order</c> (default desc), <c>after</c>, <c>before</c>.</summary>
internal static class Pagination
{
    public static JsonObject Page(ApiRequest request, IEnumerable<KeyValuePair<string, JsonNode>> itemsInCreationOrder)
    {
        int limit = ParseLimit(request.Query("limit"));
        string order = request.Query("order") ?? "desc";
        if (order is not ("asc" or "desc"))
        {
            throw ApiErrors.BadRequest(
                $"Invalid value for 'order': expected one of 'asc' or 'desc', but got '{order}' instead.", "order", "invalid_value");
        }

        List<KeyValuePair<string, JsonNode>> items = [.. itemsInCreationOrder];
        if (order == "desc")
        {
            items.Reverse();
        }

        string? after = request.Query("after");
        string? before = request.Query("before");
        int start = 0;
        int end = items.Count;
        if (!string.IsNullOrEmpty(after))
        {
            int index = items.FindIndex(pair => pair.Key == after);
            start = index < 0 ? items.Count : index + 1;
        }

        if (!string.IsNullOrEmpty(before))
        {
            int index = items.FindIndex(pair => pair.Key == before);
            end = index < 0 ? 0 : index;
            start = Math.Max(start, end - limit);
        }

        int take = Math.Min(limit, Math.Max(0, end - start));
        List<KeyValuePair<string, JsonNode>> page = items.GetRange(start, take);
        bool hasMore = string.IsNullOrEmpty(before) ? start + take < end : start > 0;
        var data = new JsonArray([.. page.Select(pair => pair.Value)]);
        return new JsonObject
        {
            ["object"] = "list",
            ["data"] = data,
            ["first_id"] = page.Count > 0 ? page[0].Key : null,
            ["last_id"] = page.Count > 0 ? page[^1].Key : null,
            ["has_more"] = hasMore,
        };
    }

    private static int ParseLimit(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return ProtocolLimits.PageSizeDefault;
        }

        if (!int.TryParse(text, out int limit))
        {
            throw ApiErrors.BadRequest(
                $"Invalid 'limit': expected an integer, but got '{text}' instead.", "limit", "invalid_type");
        }

        if (limit < ProtocolLimits.PageSizeMin)
        {
            throw ApiErrors.BadRequest(
                $"Invalid 'limit': integer below minimum value. Expected a value >= {ProtocolLimits.PageSizeMin}, but got {limit} instead.", "limit", "integer_below_min_value");
        }

        if (limit > ProtocolLimits.PageSizeMax)
        {
            throw ApiErrors.BadRequest(
                $"Invalid 'limit': integer above maximum value. Expected a value <= {ProtocolLimits.PageSizeMax}, but got {limit} instead.", "limit", "integer_above_max_value");
        }

        return limit;
    }
}
