namespace Assistants.Server.Storage;

/// <summary>Picks the store the options ask for: SQLite in <see cref="AssistantsServerOptions.DataDirectory"/>, otherwise memory.</summary>
internal static class StoreFactory
{
    public static IServerStore Open(AssistantsServerOptions options) =>
        string.IsNullOrEmpty(options.DataDirectory) ? new MemoryServerStore() : new SqliteServerStore(options.DataDirectory);
}
