namespace Assistants.Client;

/// <summary>How <see cref="AssistantsImporter.ImportAsync"/> brings an export folder into a server.</summary>
public sealed class ImportOptions
{
    /// <summary>Gets or sets the way in.</summary>
    /// <value>The default is <see cref="ImportTarget.AssistantsServer"/>.</value>
    public ImportTarget Target { get; set; } = ImportTarget.AssistantsServer;

    /// <summary>Gets or sets where a <see cref="ImportTarget.PublicRoutes"/> import writes its id map (JSON Lines of <c>kind</c>, <c>old</c>, <c>new</c>).</summary>
    /// <value>The default is <see langword="null"/>: beside the folder, named after it with <c>.id-map.jsonl</c> appended.</value>
    public string? IdMapPath { get; set; }

    /// <summary>Gets or sets the most objects sent in one request of an <see cref="ImportTarget.AssistantsServer"/> import.</summary>
    /// <value>The default is 200.</value>
    public int BatchSize { get; set; } = 200;
}
