namespace Assistants.Client;

/// <summary>Which threads <see cref="ThreadsClient.ListAsync"/> lists and in what order.</summary>
public sealed class ThreadCollectionOptions : CollectionOptions
{
}
