using System;
using System.Collections.Generic;
using System.IO;
using System.Text.Json.Nodes;

namespace Assistants.Client.Migration;

/// <summary>Appends objects to the folder's JSON Lines files and keeps their lengths for the checkpoint.</summary>
internal sealed class ExportWriter : IDisposable
{
    private readonly string _folder;
    private readonly Dictionary<string, FileStream> _streams = [];
    private readonly Dictionary<string, long> _lengths;

    public ExportWriter(string folder, IReadOnlyDictionary<string, long> lengths)
    {
        _folder = folder;
        _lengths = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (KeyValuePair<string, long> pair in lengths)
        {
            _lengths[pair.Key] = pair.Value;
        }
    }

    /// <summary>Gets the number of objects written by this writer.</summary>
    public long Objects { get; private set; }

    /// <summary>Gets the number of bytes written by this writer, file contents included.</summary>
    public long Bytes { get; private set; }

    public IReadOnlyDictionary<string, long> Lengths => _lengths;

    public void Write(string fileName, JsonNode json)
    {
        if (!_streams.TryGetValue(fileName, out FileStream? stream))
        {
            stream = new FileStream(Path.Combine(_folder, fileName), FileMode.Append, FileAccess.Write, FileShare.Read);
            _streams[fileName] = stream;
        }

        byte[] bytes = MigrationJson.ToUtf8(json);
        stream.Write(bytes, 0, bytes.Length);
        stream.WriteByte((byte)'\n');
        _lengths[fileName] = stream.Position;
        Objects++;
        Bytes += bytes.Length + 1;
    }

    public void AddContentBytes(long bytes) => Bytes += bytes;

    /// <summary>Flushes every file to disk, so the checkpoint never records a length that is not there.</summary>
    public void Flush()
    {
        foreach (FileStream stream in _streams.Values)
        {
            stream.Flush(flushToDisk: true);
        }
    }

    public void Dispose()
    {
        foreach (FileStream stream in _streams.Values)
        {
            stream.Dispose();
        }
    }
}
