using Assistants.Client.Internal;

namespace Assistants.Client;

/// <summary>Adds, reads, changes, deletes and lists the messages of a thread (<c>/threads/{thread_id}/messages</c>).</summary>
public partial class MessagesClient
{
    private readonly ClientPipeline _pipeline;

    /// <summary>Initializes a client for mocking; its methods must be overridden.</summary>
    protected MessagesClient()
    {
        _pipeline = null!;
    }

    internal MessagesClient(ClientPipeline pipeline) => _pipeline = pipeline;
}
