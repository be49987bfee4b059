namespace Assistants.Client;

/// <summary>How the client presents its credential.</summary>
public enum AuthenticationScheme
{
    /// <summary><c>Authorization: Bearer &lt;key or token&gt;</c>, as OpenAI-compatible servers and Entra-protected Foundry endpoints expect.</summary>
    Bearer = 0,

    /// <summary><c>api-key: &lt;key&gt;</c>, as Azure resource keys expect.</summary>
    ApiKeyHeader = 1,

    /// <summary>No credential header (a local server, or a handler further down the pipeline that signs requests).</summary>
    None = 2,
}
