using System.Collections.Generic;

namespace Assistants.Client;

/// <summary>What an export folder holds once <see cref="AssistantsExporter.ExportAsync"/> has finished.</summary>
public sealed class ExportResult
{
    internal ExportResult(IReadOnlyDictionary<string, long> objects, long bytes, int unitsSkipped, int notExported)
    {
        Objects = objects;
        Bytes = bytes;
        UnitsSkipped = unitsSkipped;
        NotExported = notExported;
    }

    /// <summary>Gets the number of objects of each data file (<c>messages.jsonl</c>, ...), the whole folder counted.</summary>
    public IReadOnlyDictionary<string, long> Objects { get; }

    /// <summary>Gets the size of the folder in bytes: JSON Lines and file contents.</summary>
    public long Bytes { get; }

    /// <summary>Gets the number of units an earlier, interrupted run had completed, which this run skipped.</summary>
    public int UnitsSkipped { get; }

    /// <summary>Gets the number of objects listed in <c>not-exported.jsonl</c> (a file the server would not hand out, a named thread it does not have).</summary>
    public int NotExported { get; }

    /// <summary>Gets the total number of objects.</summary>
    public long TotalObjects
    {
        get
        {
            long total = 0;
            foreach (long count in Objects.Values)
            {
                total += count;
            }

            return total;
        }
    }
}
