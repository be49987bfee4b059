using Assistants.Client.Internal;

namespace Assistants.Client;

/// <summary>Creates, reads, changes and deletes threads, and starts a thread and its run in one call (<c>/threads</c>).</summary>
public partial class ThreadsClient
{
    private readonly ClientPipeline _pipeline;

    /// <summary>Initializes a client for mocking; its methods must be overridden.</summary>
    protected ThreadsClient()
    {
        _pipeline = null!;
    }

    internal ThreadsClient(ClientPipeline pipeline) => _pipeline = pipeline;
}
