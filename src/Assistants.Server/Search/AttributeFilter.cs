using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using Assistants.Server.Errors;
using Assistants.Server.Json;

namespace Assistants.Server.Search;

/// <summary>
/// The protocol's attribute filters: a comparison (<c>eq</c>, <c>ne</c>, <c>gt</c>, <c>gte</c>, <c>lt</c>, <c>lte</c>
/// on <c>key</c> against a string, number or boolean <c>value</c>) or a compound (<c>and</c>, <c>or</c> over
/// <c>filters</c>). A missing attribute matches only <c>ne</c>.
/// </summary>
internal static class AttributeFilter
{
    /// <summary>Checks a filter's shape so a bad one is a 400 before any search.</summary>
    public static void Validate(JsonNode? filter, string param = "filters")
    {
        JsonObject node = filter as JsonObject ?? throw ApiErrors.InvalidType(param, "an object", JsonNodes.Describe(filter));
        string type = JsonNodes.GetString(node, "type") ?? throw ApiErrors.MissingParameter(param + ".type");
        switch (type)
        {
            case "and" or "or":
                JsonArray filters = JsonNodes.GetArray(node, "filters") ?? throw ApiErrors.MissingParameter(param + ".filters");
                for (int i = 0; i < filters.Count; i++)
                {
                    Validate(filters[i], $"{param}.filters[{i}]");
                }

                break;
            case "eq" or "ne" or "gt" or "gte" or "lt" or "lte":
                _ = JsonNodes.GetString(node, "key") ?? throw ApiErrors.MissingParameter(param + ".key");
                if (node["value"] is not JsonValue value || value.GetValueKind() is not (JsonValueKind.String or JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False))
                {
                    throw ApiErrors.InvalidType(param + ".value", "a string, number or boolean", JsonNodes.Describe(node["value"]));
                }

                break;
            default:
                throw ApiErrors.BadRequest(
                    $"Invalid value: '{type}'. Supported values are: 'eq', 'ne', 'gt', 'gte', 'lt', 'lte', 'and' and 'or'.", param + ".type", "invalid_value");
        }
    }

    public static bool Matches(JsonNode? filter, JsonObject attributes)
    {
        if (filter is not JsonObject node)
        {
            return true;
        }

        string type = (string)node["type"]!;
        JsonArray filters = node["filters"] as JsonArray ?? [];
        return type switch
        {
            "and" => filters.All(inner => Matches(inner, attributes)),
            "or" => filters.Any(inner => Matches(inner, attributes)),
            _ => Compare(type, attributes[(string)node["key"]!] as JsonValue, (JsonValue)node["value"]!),
        };
    }

    private static bool Compare(string type, JsonValue? actual, JsonValue expected)
    {
        if (actual is null)
        {
            return type == "ne";
        }

        int? order = (actual.GetValueKind(), expected.GetValueKind()) switch
        {
            (JsonValueKind.Number, JsonValueKind.Number) => actual.GetValue<double>().CompareTo(expected.GetValue<double>()),
            (JsonValueKind.String, JsonValueKind.String) => string.CompareOrdinal(actual.GetValue<string>(), expected.GetValue<string>()),
            (JsonValueKind.True or JsonValueKind.False, JsonValueKind.True or JsonValueKind.False) => actual.GetValue<bool>().CompareTo(expected.GetValue<bool>()),
            _ => null,
        };
        return type switch
        {
            "eq" => order == 0,
            "ne" => order != 0,
            "gt" => order > 0,
            "gte" => order >= 0,
            "lt" => order < 0,
            "lte" => order <= 0,
            _ => false,
        };
    }
}
