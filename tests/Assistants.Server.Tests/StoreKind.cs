namespace Assistants.Server.Tests;

/// <summary>The stores the conformance fixtures run against.</summary>
public enum StoreKind
{
    /// <summary>The in-memory store (no data directory).</summary>
    Memory,

    /// <summary>The SQLite store in a fresh temporary data directory.</summary>
    Sqlite,
}
