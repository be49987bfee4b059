using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;

namespace Assistants.Server.Tests;

/// <summary>Loads real recorded traffic (see Recordings/SOURCE.md for provenance).</summary>
internal static class Recorded
{
    public static JsonArray Entries(string file) =>
        (JsonArray)JsonNode.Parse(File.ReadAllText(Path.Combine(TestContext_Directory, "Recordings", file)))!["Entries"]!;

    /// <summary>The SSE events of entry <paramref name="index"/>: its body is an array of strings to concatenate.</summary>
    public static List<SseEvent> Stream(string file, int index) =>
        SseEvent.Parse(string.Concat(((JsonArray)Entries(file)[index]!["ResponseBody"]!).Select(part => (string)part!)));

    /// <summary>Every property path in <paramref name="node"/> (arrays as <c>[]</c>), skipping user-shaped subtrees.</summary>
    public static SortedSet<string> Paths(JsonNode? node, string prefix = "")
    {
        SortedSet<string> paths = [];
        switch (node)
        {
            case JsonObject obj:
                foreach (KeyValuePair<string, JsonNode?> pair in obj)
                {
                    string path = prefix + "." + pair.Key;
                    paths.Add(path);
                    if (pair.Key is not ("metadata" or "tool_resources" or "parameters"))
                    {
                        paths.UnionWith(Paths(pair.Value, path));
                    }
                }

                break;
            case JsonArray array:
                foreach (JsonNode? item in array)
                {
                    paths.UnionWith(Paths(item, prefix + "[]"));
                }

                break;
            default:
                break;
        }

        return paths;
    }

    private static string TestContext_Directory => NUnit.Framework.TestContext.CurrentContext.TestDirectory;
}
