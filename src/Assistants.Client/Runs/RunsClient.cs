using Assistants.Client.Internal;

namespace Assistants.Client;

/// <summary>Starts, reads, changes, lists and cancels runs, and submits tool outputs (<c>/threads/{thread_id}/runs</c>).</summary>
public partial class RunsClient
{
    private readonly ClientPipeline _pipeline;

    /// <summary>Initializes a client for mocking; its methods must be overridden.</summary>
    protected RunsClient()
    {
        _pipeline = null!;
    }

    internal RunsClient(ClientPipeline pipeline) => _pipeline = pipeline;
}
