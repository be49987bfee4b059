namespace Assistants.Client;

/// <summary>Which files of a vector store or a file batch to list, and in what order.</summary>
public sealed class VectorStoreFileCollectionOptions : CollectionOptions
{
    /// <summary>Gets or sets the status the listed files must have (sent as <c>filter</c>).</summary>
    /// <value>The default is <c>null</c>: files of every status.</value>
    public VectorStoreFileStatus? Filter { get; set; }
}
