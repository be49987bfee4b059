namespace Assistants.Client;

/// <summary>Which messages of a thread to list and in what order.</summary>
public sealed class MessageCollectionOptions : CollectionOptions
{
    /// <summary>Gets or sets the id of a run whose messages alone are listed (the <c>run_id</c> query filter).</summary>
    /// <value>The default is <c>null</c>: every message of the thread.</value>
    public string? RunId { get; set; }
}
