using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;

namespace Assistants.Client.Tests.Replay;

/// <summary>
/// Loads the recorded traffic copied into <c>Recordings/</c> (see <c>Recordings/SOURCE.md</c> for provenance and
/// license) plus, recursively, every recording under the folder named by <c>ASSISTANTS_RECORDINGS_DIR</c>.
/// </summary>
internal static class Recordings
{
    public const string EnvironmentVariable = "ASSISTANTS_RECORDINGS_DIR";

    private static readonly Lazy<IReadOnlyList<RecordedEntry>> s_all = new(LoadAll);

    public static string Root => Path.Combine(AppContext.BaseDirectory, "Recordings");

    public static IReadOnlyList<RecordedEntry> All => s_all.Value;

    public static IEnumerable<string> Files()
    {
        IEnumerable<string> files = Directory.EnumerateFiles(Root, "*.json", SearchOption.AllDirectories);
        if (Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } extra && Directory.Exists(extra))
        {
            files = files.Concat(Directory.EnumerateFiles(extra, "*.json", SearchOption.AllDirectories));
        }

        return files.OrderBy(f => f, StringComparer.Ordinal);
    }

    public static IReadOnlyList<RecordedEntry> Load(string file)
    {
        using JsonDocument document = JsonDocument.Parse(File.ReadAllBytes(file));
        if (!document.RootElement.TryGetProperty("Entries", out JsonElement entries))
        {
            return Array.Empty<RecordedEntry>();
        }

        List<RecordedEntry> result = new();
        int index = 0;
        foreach (JsonElement entry in entries.EnumerateArray())
        {
            result.Add(new RecordedEntry(
                file,
                index++,
                entry.GetProperty("RequestMethod").GetString()!,
                entry.GetProperty("RequestUri").GetString()!,
                Headers(entry, "RequestHeaders"),
                Body(entry, "RequestBody"),
                entry.GetProperty("StatusCode").GetInt32(),
                Headers(entry, "ResponseHeaders"),
                Body(entry, "ResponseBody")));
        }

        return result;
    }

    public static IEnumerable<RecordedEntry> Scenario(string name)
        => Load(Path.Combine(Root, "openai-dotnet", name.Replace('/', Path.DirectorySeparatorChar) + ".json"));

    private static IReadOnlyList<RecordedEntry> LoadAll() => Files().SelectMany(Load).ToList();

    private static Dictionary<string, string> Headers(JsonElement entry, string name)
    {
        Dictionary<string, string> headers = new(StringComparer.OrdinalIgnoreCase);
        if (entry.TryGetProperty(name, out JsonElement value) && value.ValueKind == JsonValueKind.Object)
        {
            foreach (JsonProperty header in value.EnumerateObject())
            {
                headers[header.Name] = header.Value.ValueKind == JsonValueKind.String ? header.Value.GetString()! : header.Value.GetRawText();
            }
        }

        return headers;
    }

    private static JsonElement? Body(JsonElement entry, string name)
        => entry.TryGetProperty(name, out JsonElement value) && value.ValueKind is not JsonValueKind.Null and not JsonValueKind.Undefined
            ? value.Clone()
            : null;
}
