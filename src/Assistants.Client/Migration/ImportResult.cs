using System.Collections.Generic;

namespace Assistants.Client;

/// <summary>What <see cref="AssistantsImporter.ImportAsync"/> brought in, and what it could not.</summary>
public sealed class ImportResult
{
    internal ImportResult(IReadOnlyDictionary<string, long> imported, IReadOnlyDictionary<string, string> idMap, IReadOnlyList<string> losses, string? idMapPath)
    {
        Imported = imported;
        IdMap = idMap;
        Losses = losses;
        IdMapPath = idMapPath;
    }

    /// <summary>Gets the number of objects imported per kind (<c>thread</c>, <c>message</c>, <c>file</c>, ...).</summary>
    public IReadOnlyDictionary<string, long> Imported { get; }

    /// <summary>Gets the new id of each exported id (empty when ids were kept).</summary>
    public IReadOnlyDictionary<string, string> IdMap { get; }

    /// <summary>Gets what the import could not bring over, one sentence each (empty when nothing was lost).</summary>
    public IReadOnlyList<string> Losses { get; }

    /// <summary>Gets the path of the id map written beside the folder, or <see langword="null"/> when ids were kept.</summary>
    public string? IdMapPath { get; }
}
