namespace Assistants.Client;

/// <summary>Which vector stores to list and in what order.</summary>
public sealed class VectorStoreCollectionOptions : CollectionOptions
{
}
