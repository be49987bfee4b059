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
            // A re-rooted recording (Recordings/foundry) keeps the URI as it went on the wire in OriginalRequestUri:
            // replay that one, so the route is found after whatever prefix the server uses.
            string uri = entry.TryGetProperty("OriginalRequestUri", out JsonElement original) && original.ValueKind == JsonValueKind.String
                ? original.GetString()!
                : entry.GetProperty("RequestUri").GetString()!;
            result.Add(new RecordedEntry(
                file,
                RelativePath(file),
                index++,
                entry.GetProperty("RequestMethod").GetString()!,
                uri,
                Headers(entry, "RequestHeaders"),
                Body(entry, "RequestBody"),
                entry.GetProperty("StatusCode").GetInt32(),
                Headers(entry, "ResponseHeaders"),
                Body(entry, "ResponseBody")));
        }

        return result;
    }

    /// <summary>
    /// The key of a recording file: its path under <c>Recordings/</c>, or under <c>$ASSISTANTS_RECORDINGS_DIR/</c>
    /// (two folders can hold files of the same name, and a file can be in both places).
    /// </summary>
    public static string RelativePath(string file)
    {
        string full = Path.GetFullPath(file);
        if (IsUnder(full, Root))
        {
            return Relative(Root, full);
        }

        return Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } extra && IsUnder(full, Path.GetFullPath(extra))
            ? "$" + EnvironmentVariable + "/" + Relative(Path.GetFullPath(extra), full)
            : full.Replace('\\', '/');
    }

    public static IEnumerable<RecordedEntry> Scenario(string name)
        => Load(Path.Combine(Root, "openai-dotnet", name.Replace('/', Path.DirectorySeparatorChar) + ".json"));

    private static bool IsUnder(string file, string folder)
        => file.StartsWith(Path.GetFullPath(folder).TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar, StringComparison.Ordinal);

    private static string Relative(string folder, string file)
        => file.Substring(Path.GetFullPath(folder).TrimEnd(Path.DirectorySeparatorChar).Length + 1).Replace('\\', '/');

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
