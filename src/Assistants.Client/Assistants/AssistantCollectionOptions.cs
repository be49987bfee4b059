namespace Assistants.Client;

/// <summary>Which assistants to list and in what order.</summary>
public sealed class AssistantCollectionOptions : CollectionOptions
{
}
