using System.Collections.Generic;
using System.IO;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Assistants.Client.Migration;

/// <summary>
/// The export's checkpoint (<c>checkpoint.jsonl</c>): one line per completed unit (a thread with its messages, runs and
/// steps; an assistant; a vector store with its file list; a file with its bytes), holding what the unit refers to and
/// the length of every data file once it was written. Opening it cuts each data file back to the last recorded
/// length, so a unit an interruption left half-written is written again from its start and never twice.
/// </summary>
internal sealed class ExportCheckpoint
{
    private readonly string _path;
    private readonly HashSet<string> _done = [];
    private readonly HashSet<string> _seenRefs = [];

    private ExportCheckpoint(string path) => _path = path;

    /// <summary>Gets the length of each data file at the last completed unit.</summary>
    public Dictionary<string, long> Lengths { get; } = [];

    /// <summary>Gets what the completed units refer to (<c>kind:id</c>), in the order they were found.</summary>
    public List<string> References { get; } = [];

    public int CompletedCount => _done.Count;

    public static ExportCheckpoint Open(string folder)
    {
        Directory.CreateDirectory(Path.Combine(folder, MigrationFiles.ContentFolder));
        ExportCheckpoint checkpoint = new(Path.Combine(folder, MigrationFiles.Checkpoint));
        long valid = checkpoint.Read();
        if (File.Exists(checkpoint._path))
        {
            using FileStream stream = new(checkpoint._path, FileMode.Open, FileAccess.Write);
            stream.SetLength(valid); // a line torn by the interruption
        }

        foreach (string name in MigrationFiles.DataFiles)
        {
            string path = Path.Combine(folder, name);
            if (File.Exists(path))
            {
                using FileStream stream = new(path, FileMode.Open, FileAccess.Write);
                stream.SetLength(checkpoint.Lengths.TryGetValue(name, out long length) ? length : 0);
            }
        }

        foreach (string partial in Directory.GetFiles(Path.Combine(folder, MigrationFiles.ContentFolder), "*.partial"))
        {
            File.Delete(partial);
        }

        return checkpoint;
    }

    public bool IsDone(string unit) => _done.Contains(unit);

    public void AddReferences(IEnumerable<string> references)
    {
        foreach (string reference in references)
        {
            if (_seenRefs.Add(reference))
            {
                References.Add(reference);
            }
        }
    }

    /// <summary>Records a unit as complete, after its lines were flushed to disk.</summary>
    public void Complete(string unit, IReadOnlyCollection<string> references, IReadOnlyDictionary<string, long> lengths)
    {
        JsonObject line = new() { ["unit"] = unit, ["refs"] = new JsonArray([.. Nodes(references)]), ["lengths"] = LengthsJson(lengths) };
        using (FileStream stream = new(_path, FileMode.Append, FileAccess.Write))
        {
            byte[] bytes = MigrationJson.ToUtf8(line);
            stream.Write(bytes, 0, bytes.Length);
            stream.WriteByte((byte)'\n');
            stream.Flush(flushToDisk: true);
        }

        _done.Add(unit);
        AddReferences(references);
        foreach (KeyValuePair<string, long> pair in lengths)
        {
            Lengths[pair.Key] = pair.Value;
        }
    }

    /// <returns>The length of the checkpoint's complete lines.</returns>
    private long Read()
    {
        if (!File.Exists(_path))
        {
            return 0;
        }

        byte[] bytes = File.ReadAllBytes(_path);
        long valid = 0;
        int start = 0;
        for (int end = System.Array.IndexOf(bytes, (byte)'\n'); end >= 0; end = System.Array.IndexOf(bytes, (byte)'\n', start))
        {
            JsonObject? line;
            try
            {
                line = JsonNode.Parse(Encoding.UTF8.GetString(bytes, start, end - start)) as JsonObject;
            }
            catch (JsonException)
            {
                break;
            }

            if (line is null || MigrationJson.String(line["unit"]) is not string unit)
            {
                break;
            }

            _done.Add(unit);
            foreach (JsonNode? reference in line["refs"] as JsonArray ?? [])
            {
                AddReferences([MigrationJson.String(reference) ?? ""]);
            }

            foreach (KeyValuePair<string, JsonNode?> length in line["lengths"] as JsonObject ?? [])
            {
                Lengths[length.Key] = length.Value?.GetValue<long>() ?? 0;
            }

            start = end + 1;
            valid = start;
        }

        return valid;
    }

    private static IEnumerable<JsonNode?> Nodes(IEnumerable<string> values)
    {
        foreach (string value in values)
        {
            yield return JsonValue.Create(value);
        }
    }

    private static JsonObject LengthsJson(IReadOnlyDictionary<string, long> lengths)
    {
        JsonObject json = [];
        foreach (KeyValuePair<string, long> pair in lengths)
        {
            json[pair.Key] = pair.Value;
        }

        return json;
    }
}
