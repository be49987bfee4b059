namespace Assistants.Client;

/// <summary>One report of <see cref="AssistantsExporter.ExportAsync"/>: a unit finished (or was found finished by an earlier run).</summary>
public sealed class ExportProgress
{
    internal ExportProgress(string kind, string id, bool skipped, int unitsDone, long objects, long bytes)
    {
        Kind = kind;
        Id = id;
        Skipped = skipped;
        UnitsDone = unitsDone;
        Objects = objects;
        Bytes = bytes;
    }

    /// <summary>Gets the kind of the unit: <c>thread</c>, <c>assistant</c>, <c>vector_store</c> or <c>file</c>.</summary>
    public string Kind { get; }

    /// <summary>Gets the id of the unit.</summary>
    public string Id { get; }

    /// <summary>Gets whether the unit was complete from an earlier, interrupted run and was skipped.</summary>
    public bool Skipped { get; }

    /// <summary>Gets the number of units complete so far, skipped ones included.</summary>
    public int UnitsDone { get; }

    /// <summary>Gets the number of objects this run has written.</summary>
    public long Objects { get; }

    /// <summary>Gets the number of bytes this run has written (JSON Lines and file contents).</summary>
    public long Bytes { get; }

    /// <inheritdoc />
    public override string ToString() => $"{Kind} {Id}{(Skipped ? " (already exported)" : "")}: {UnitsDone} units, {Objects} objects, {Bytes} bytes";
}
