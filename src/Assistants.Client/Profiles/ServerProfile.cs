using System;
using System.Collections.Generic;
using System.Net.Http;
using Assistants.Client.Internal;

namespace Assistants.Client;

/// <summary>
/// A server that speaks the Assistants protocol, chosen in one line: where it is (base URL and path prefix), the
/// <c>api-version</c> it wants, the <c>OpenAI-Beta</c> header, how it authenticates, and which operations it serves.
/// Set it as <see cref="AssistantsClientOptions.Profile"/>, or <c>Profile</c> in configuration. What each profile
/// serves is one table (see docs/profiles.md); an operation it does not serve raises
/// <see cref="OperationNotSupportedException"/> before anything is sent.
/// </summary>
public sealed class ServerProfile
{
    /// <summary>The Entra token scope of Microsoft Foundry, for a <see cref="AssistantsClientOptions.TokenProvider"/>.</summary>
    public const string FoundryTokenScope = "https://ai.azure.com/.default";

    /// <summary>The Entra token scope of Microsoft Fabric, for a <see cref="AssistantsClientOptions.TokenProvider"/>.</summary>
    public const string FabricTokenScope = "https://api.fabric.microsoft.com/.default";

    /// <summary>The <c>api-version</c> the Foundry profile sends unless <see cref="WithApiVersion"/> picks another.</summary>
    public const string FoundryApiVersion = "v1";

    /// <summary>The <c>api-version</c> Fabric data agents require.</summary>
    public const string FabricApiVersion = "2024-05-01-preview";

    /// <summary>The base URL of the embedded server when it runs in process (the host name is never resolved).</summary>
    public static readonly Uri EmbeddedBaseUrl = new("http://localhost/v1/");

    private readonly HashSet<ApiOperation> _operations;

    private ServerProfile(string name, Uri baseUrl, string? apiVersion, string? betaHeader, AuthenticationScheme scheme, string? tokenScope, HashSet<ApiOperation> operations, HttpMessageHandler? handler = null)
    {
        Name = name;
        BaseUrl = baseUrl.AbsoluteUri.EndsWith("/", StringComparison.Ordinal) ? baseUrl : new Uri(baseUrl.AbsoluteUri + "/");
        ApiVersion = apiVersion;
        BetaHeader = betaHeader;
        AuthenticationScheme = scheme;
        TokenScope = tokenScope;
        Handler = handler;
        _operations = operations;
    }

    /// <summary>Gets the profile's name (<c>Foundry</c>, <c>Fabric</c>, <c>OpenAICompatible</c>, <c>Embedded</c>, <c>Custom</c>), as exceptions and logs show it.</summary>
    public string Name { get; }

    /// <summary>
    /// Gets the <c>gen_ai.provider.name</c> the client's spans and metrics carry for this server: <c>azure.ai.foundry</c>,
    /// <c>microsoft.fabric</c>, <c>assistants.server</c> (embedded), or the conventions' <c>openai</c> for an
    /// OpenAI-compatible or custom server (see docs/telemetry.md).
    /// </summary>
    public string ProviderName => Telemetry.ProviderNames.ForProfile(Name);

    /// <summary>Gets the base URL with its path prefix, ending in <c>/</c>.</summary>
    public Uri BaseUrl { get; }

    /// <summary>Gets the <c>api-version</c> query parameter sent on every request, or <c>null</c> for none.</summary>
    public string? ApiVersion { get; }

    /// <summary>Gets the <c>OpenAI-Beta</c> header value, or <c>null</c> when the server does not want one.</summary>
    public string? BetaHeader { get; }

    /// <summary>Gets how the credential (<see cref="AssistantsClientOptions.ApiKey"/> or <see cref="AssistantsClientOptions.TokenProvider"/>) is sent.</summary>
    public AuthenticationScheme AuthenticationScheme { get; }

    /// <summary>Gets the Entra scope a token provider asks for (<see cref="FoundryTokenScope"/>, <see cref="FabricTokenScope"/>), or <c>null</c>.</summary>
    public string? TokenScope { get; }

    /// <summary>Gets the in-process handler of the embedded server, used when the client creates its own <see cref="HttpClient"/>; <c>null</c> otherwise.</summary>
    public HttpMessageHandler? Handler { get; }

    /// <summary>
    /// Microsoft Foundry "classic" agents: <c>https://&lt;resource&gt;.services.ai.azure.com/api/projects/&lt;project&gt;/</c>,
    /// routes without <c>/v1</c>, <c>api-version=v1</c> on every request, no <c>OpenAI-Beta</c> header, Entra bearer
    /// tokens only (scope <see cref="FoundryTokenScope"/>; no <c>api-key</c>). Serves <see cref="ThreadsClient.ListAsync"/> too.
    /// </summary>
    /// <param name="resourceOrEndpoint">The resource name (<c>my-resource</c>) or its endpoint (<c>https://my-resource.services.ai.azure.com</c>).</param>
    /// <param name="project">The project name.</param>
    /// <returns>The profile.</returns>
    /// <exception cref="ArgumentException">An argument is empty, not a resource name or endpoint, or the endpoint already has a path.</exception>
    public static ServerProfile Foundry(string resourceOrEndpoint, string project)
    {
        Argument.NotNullOrEmpty(resourceOrEndpoint, nameof(resourceOrEndpoint));
        Argument.NotNullOrEmpty(project, nameof(project));
        Uri root = ServerProfileUrls.FoundryRoot(resourceOrEndpoint, nameof(resourceOrEndpoint));
        Uri baseUrl = new(root, "api/projects/" + Uri.EscapeDataString(project) + "/");
        return new ServerProfile("Foundry", baseUrl, FoundryApiVersion, null, AuthenticationScheme.Bearer, FoundryTokenScope, ServerCapabilities.Foundry);
    }

    /// <summary>Microsoft Foundry "classic" agents from the project endpoint the portal shows (<c>https://&lt;resource&gt;.services.ai.azure.com/api/projects/&lt;project&gt;</c>).</summary>
    /// <param name="projectEndpoint">The project endpoint.</param>
    /// <returns>The profile (see <see cref="Foundry(string, string)"/>).</returns>
    /// <exception cref="ArgumentException">The URL is not absolute or its path is not <c>/api/projects/&lt;project&gt;</c>.</exception>
    public static ServerProfile Foundry(Uri projectEndpoint)
    {
        Argument.NotNull(projectEndpoint, nameof(projectEndpoint));
        ServerProfileUrls.RequireFoundryProject(projectEndpoint, nameof(projectEndpoint));
        return new ServerProfile("Foundry", projectEndpoint, FoundryApiVersion, null, AuthenticationScheme.Bearer, FoundryTokenScope, ServerCapabilities.Foundry);
    }

    /// <summary>
    /// Microsoft Fabric data agents: the agent's <c>.../aiassistant/openai</c> URL, <c>api-version=2024-05-01-preview</c>,
    /// bearer token (scope <see cref="FabricTokenScope"/>). Serves assistants, threads, messages, runs and run steps; no files or vector stores.
    /// </summary>
    /// <param name="endpoint">The data agent's URL, ending in <c>/aiassistant/openai</c>.</param>
    /// <returns>The profile.</returns>
    /// <exception cref="ArgumentException">The URL is not absolute.</exception>
    public static ServerProfile Fabric(Uri endpoint)
    {
        ServerProfileUrls.RequireAbsolute(endpoint, nameof(endpoint));
        return new ServerProfile("Fabric", endpoint, FabricApiVersion, null, AuthenticationScheme.Bearer, FabricTokenScope, ServerCapabilities.Fabric);
    }

    /// <summary>
    /// A self-hosted OpenAI-compatible server (astra-assistants, open-assistant-api, <c>Assistants.Server</c> hosted
    /// elsewhere): the explicit base URL with its prefix (<c>/v1</c>, <c>/api/v1</c>), <c>Authorization: Bearer</c>,
    /// <c>OpenAI-Beta: assistants=v2</c>, no <c>api-version</c>.
    /// </summary>
    /// <param name="baseUrl">The base URL including its prefix, for example <c>http://localhost:8000/api/v1/</c>.</param>
    /// <returns>The profile.</returns>
    /// <exception cref="ArgumentException">The URL is not absolute.</exception>
    public static ServerProfile OpenAICompatible(Uri baseUrl)
    {
        ServerProfileUrls.RequireAbsolute(baseUrl, nameof(baseUrl));
        return new ServerProfile("OpenAICompatible", baseUrl, null, AssistantsClientOptions.DefaultBetaHeader, AuthenticationScheme.Bearer, null, ServerCapabilities.OpenAICompatible);
    }

    /// <summary>
    /// The embedded <c>Assistants.Server</c> in process, at <see cref="EmbeddedBaseUrl"/>, with its handler plugged in by the
    /// caller (<c>new HttpClient(server.CreateHandler())</c>, or <c>ConfigurePrimaryHttpMessageHandler</c> with dependency injection).
    /// </summary>
    /// <returns>The profile.</returns>
    public static ServerProfile Embedded()
        => new("Embedded", EmbeddedBaseUrl, null, AssistantsClientOptions.DefaultBetaHeader, AuthenticationScheme.Bearer, null, ServerCapabilities.Embedded);

    /// <summary>The embedded <c>Assistants.Server</c> in process through its handler, which a client built from options sends through (the caller keeps ownership of it).</summary>
    /// <param name="handler">The server's handler, for example <c>server.CreateHandler()</c>.</param>
    /// <returns>The profile.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="handler"/> is null.</exception>
    public static ServerProfile Embedded(HttpMessageHandler handler)
    {
        Argument.NotNull(handler, nameof(handler));
        return new ServerProfile("Embedded", EmbeddedBaseUrl, null, AssistantsClientOptions.DefaultBetaHeader, AuthenticationScheme.Bearer, null, ServerCapabilities.Embedded, handler);
    }

    /// <summary>The embedded <c>Assistants.Server</c> hosted on a loopback address (for example <c>http://127.0.0.1:5080/v1/</c>).</summary>
    /// <param name="baseUrl">The loopback base URL including its prefix.</param>
    /// <returns>The profile.</returns>
    /// <exception cref="ArgumentException">The URL is not absolute or not a loopback address.</exception>
    public static ServerProfile EmbeddedOnLoopback(Uri baseUrl)
    {
        ServerProfileUrls.RequireAbsolute(baseUrl, nameof(baseUrl));
        if (!baseUrl.IsLoopback)
        {
            throw new ArgumentException($"'{baseUrl}' is not a loopback address; use ServerProfile.OpenAICompatible for a remote Assistants.Server.", nameof(baseUrl));
        }

        return new ServerProfile("Embedded", baseUrl, null, AssistantsClientOptions.DefaultBetaHeader, AuthenticationScheme.Bearer, null, ServerCapabilities.Embedded);
    }

    /// <summary>
    /// Any other server: base URL and path prefix, <c>api-version</c>, authentication and <c>OpenAI-Beta</c> as given
    /// (more headers go in <see cref="AssistantsClientOptions.DefaultHeaders"/>). Every operation is tried; the
    /// server's 405, 501 or 404 without an error envelope becomes <see cref="OperationNotSupportedException"/>.
    /// </summary>
    /// <param name="baseUrl">The base URL including its prefix.</param>
    /// <param name="apiVersion">The <c>api-version</c> query parameter, or <c>null</c> for none.</param>
    /// <param name="authenticationScheme">How the credential is sent.</param>
    /// <param name="betaHeader">The <c>OpenAI-Beta</c> header, or <c>null</c> for none.</param>
    /// <returns>The profile.</returns>
    /// <exception cref="ArgumentException">The URL is not absolute.</exception>
    public static ServerProfile Custom(Uri baseUrl, string? apiVersion, AuthenticationScheme authenticationScheme, string? betaHeader)
    {
        ServerProfileUrls.RequireAbsolute(baseUrl, nameof(baseUrl));
        return new ServerProfile("Custom", baseUrl, NullIfEmpty(apiVersion), NullIfEmpty(betaHeader), authenticationScheme, null, ServerCapabilities.Custom);
    }

    /// <summary>Returns a copy that sends another <c>api-version</c> (for example <c>2025-05-15-preview</c> on Foundry).</summary>
    /// <param name="apiVersion">The value.</param>
    /// <returns>The copy.</returns>
    /// <exception cref="ArgumentException"><paramref name="apiVersion"/> is null or empty.</exception>
    public ServerProfile WithApiVersion(string apiVersion)
    {
        Argument.NotNullOrEmpty(apiVersion, nameof(apiVersion));
        return new ServerProfile(Name, BaseUrl, apiVersion, BetaHeader, AuthenticationScheme, TokenScope, _operations, Handler);
    }

    /// <summary>Gets whether this profile's server serves an operation.</summary>
    /// <param name="operationName">The operation's name, the spec's <c>operationId</c> in snake_case (<c>create_file</c>, <c>list_threads</c>, ...).</param>
    /// <returns><c>true</c> if the capability table lists it for this profile.</returns>
    public bool Serves(string operationName)
    {
        foreach (ApiOperation operation in _operations)
        {
            if (operation.Name == operationName)
            {
                return true;
            }
        }

        return false;
    }

    internal bool Serves(ApiOperation operation) => _operations.Contains(operation);

    /// <summary>Describes the profile.</summary>
    /// <returns>The name and base URL.</returns>
    public override string ToString() => $"{Name} ({BaseUrl})";

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
