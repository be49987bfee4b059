using Assistants.Client.Internal;

namespace Assistants.Client;

/// <summary>Manages vector stores, their files and file batches (<c>/vector_stores</c>).</summary>
public partial class VectorStoresClient
{
    private readonly ClientPipeline _pipeline;

    /// <summary>Initializes a client for mocking; its methods must be overridden.</summary>
    protected VectorStoresClient()
    {
        _pipeline = null!;
    }

    internal VectorStoresClient(ClientPipeline pipeline) => _pipeline = pipeline;
}
