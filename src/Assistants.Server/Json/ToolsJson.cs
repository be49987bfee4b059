using System.Text.Json.Nodes;
using Assistants.Server.Errors;

namespace Assistants.Server.Json;

/// <summary>Normalizes tool definitions the way the service echoes them (function tools gain <c>"strict": false</c>).</summary>
internal static class ToolsJson
{
    public static JsonArray Normalize(JsonArray? tools)
    {
        JsonArray result = [];
        if (tools is null)
        {
            return result;
        }

        for (int i = 0; i < tools.Count; i++)
        {
            if (tools[i] is not JsonObject tool)
            {
                throw ApiErrors.InvalidType($"tools[{i}]", "an object", JsonNodes.Describe(tools[i]));
            }

            string type = JsonNodes.GetString(tool, "type") ?? throw ApiErrors.MissingParameter($"tools[{i}].type");
            result.Add((JsonNode)(type switch
            {
                "function" => Function(tool, i),
                "code_interpreter" => new JsonObject { ["type"] = "code_interpreter" },
                "file_search" => FileSearch(tool),
                _ => throw ApiErrors.BadRequest(
                    $"Invalid value: '{type}'. Supported values are: 'code_interpreter', 'function', and 'file_search'.",
                    $"tools[{i}].type", "invalid_value"),
            }));
        }

        return result;
    }

    private static JsonObject Function(JsonObject tool, int index)
    {
        JsonObject function = JsonNodes.GetObject(tool, "function") ?? throw ApiErrors.MissingParameter($"tools[{index}].function");
        string name = JsonNodes.GetString(function, "name") ?? throw ApiErrors.MissingParameter($"tools[{index}].function.name");
        var normalized = new JsonObject { ["name"] = name };
        if (function.TryGetPropertyValue("description", out JsonNode? description))
        {
            normalized["description"] = description?.DeepClone();
        }

        normalized["parameters"] = JsonNodes.GetObject(function, "parameters")?.DeepClone()
            ?? new JsonObject { ["type"] = "object", ["properties"] = new JsonObject() };
        normalized["strict"] = JsonNodes.GetBool(function, "strict");
        return new JsonObject { ["type"] = "function", ["function"] = normalized };
    }

    /// <summary>As the service echoes it: <c>ranking_options</c> filled in with the default ranker, a 0.0 threshold and <c>hybrid_search</c>.</summary>
    private static JsonObject FileSearch(JsonObject tool)
    {
        var fileSearch = (JsonObject?)JsonNodes.GetObject(tool, "file_search")?.DeepClone() ?? [];
        var ranking = (JsonObject?)(fileSearch["ranking_options"] as JsonObject)?.DeepClone() ?? [];
        fileSearch["ranking_options"] = new JsonObject
        {
            ["ranker"] = ranking["ranker"]?.DeepClone() ?? "default_2024_08_21",
            ["score_threshold"] = ranking["score_threshold"]?.DeepClone() ?? JsonNode.Parse("0.0"),
            ["hybrid_search"] = ranking["hybrid_search"]?.DeepClone(),
        };
        return new JsonObject { ["type"] = "file_search", ["file_search"] = fileSearch };
    }
}
