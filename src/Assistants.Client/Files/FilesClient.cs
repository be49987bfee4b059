using Assistants.Client.Internal;

namespace Assistants.Client;

/// <summary>Uploads, lists, reads, deletes and downloads files (<c>/files</c>).</summary>
public partial class FilesClient
{
    private readonly ClientPipeline _pipeline;

    /// <summary>Initializes a client for mocking; its methods must be overridden.</summary>
    protected FilesClient()
    {
        _pipeline = null!;
    }

    internal FilesClient(ClientPipeline pipeline) => _pipeline = pipeline;
}
