namespace Assistants.Client;

/// <summary>Which runs of a thread to list and in what order.</summary>
public sealed class RunCollectionOptions : CollectionOptions
{
}
