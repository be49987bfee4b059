using Assistants.Client.Internal;

namespace Assistants.Client;

/// <summary>Reads and lists the steps of a run (<c>/threads/{thread_id}/runs/{run_id}/steps</c>).</summary>
public partial class RunStepsClient
{
    private readonly ClientPipeline _pipeline;

    /// <summary>Initializes a client for mocking; its methods must be overridden.</summary>
    protected RunStepsClient()
    {
        _pipeline = null!;
    }

    internal RunStepsClient(ClientPipeline pipeline) => _pipeline = pipeline;
}
