using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace Assistants.Client;

/// <summary>
/// Settings for <see cref="AssistantsApiClient"/>: where the server is, how to authenticate, and which
/// headers and query parameters every request carries. Together they express any server profile
/// (OpenAI-compatible, Foundry classic agents, Fabric data agents, self-hosted servers).
/// </summary>
public sealed class AssistantsClientOptions
{
    private Dictionary<string, string> _defaultHeaders = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The default base URL.</summary>
    public static readonly Uri DefaultBaseUrl = new("https://api.openai.com/v1/");

    /// <summary>The default value of the <c>OpenAI-Beta</c> header.</summary>
    public const string DefaultBetaHeader = "assistants=v2";

    /// <summary>Gets or sets the base URL, including any path prefix (for example <c>http://localhost:8000/api/v1</c>).</summary>
    /// <value>The default is <c>https://api.openai.com/v1/</c>.</value>
    public Uri BaseUrl { get; set; } = DefaultBaseUrl;

    /// <summary>Gets or sets the API key. It is never written to messages, logs or <see cref="ToString"/>.</summary>
    /// <value>The default is <c>null</c>: use <see cref="TokenProvider"/>, or send no credential.</value>
    public string? ApiKey { get; set; }

    /// <summary>Gets or sets a callback that returns a bearer token for each request (for Entra-style rotating tokens). It wins over <see cref="ApiKey"/>.</summary>
    /// <value>The default is <c>null</c>.</value>
    public Func<CancellationToken, ValueTask<string>>? TokenProvider { get; set; }

    /// <summary>Gets or sets how the credential is sent.</summary>
    /// <value>The default is <see cref="AuthenticationScheme.Bearer"/>.</value>
    public AuthenticationScheme AuthenticationScheme { get; set; } = AuthenticationScheme.Bearer;

    /// <summary>Gets or sets the organization, sent as <c>OpenAI-Organization</c>.</summary>
    /// <value>The default is <c>null</c>: no header.</value>
    public string? Organization { get; set; }

    /// <summary>Gets or sets the project, sent as <c>OpenAI-Project</c>.</summary>
    /// <value>The default is <c>null</c>: no header.</value>
    public string? Project { get; set; }

    /// <summary>Gets or sets the <c>OpenAI-Beta</c> header value; <c>null</c> or empty sends no such header.</summary>
    /// <value>The default is <c>assistants=v2</c>, which OpenAI-compatible servers require on assistants, threads and runs.</value>
    public string? BetaHeader { get; set; } = DefaultBetaHeader;

    /// <summary>Gets or sets the <c>api-version</c> query parameter added to every request (for example <c>v1</c> on Foundry).</summary>
    /// <value>The default is <c>null</c>: no parameter.</value>
    public string? ApiVersion { get; set; }

    /// <summary>Gets the headers added to every request.</summary>
    /// <value>The default is empty.</value>
    public IDictionary<string, string> DefaultHeaders => _defaultHeaders;

    /// <summary>Gets or sets the <c>User-Agent</c> sent with each request.</summary>
    /// <value>The default is <c>Assistants.Client/&lt;version&gt;</c>.</value>
    public string? UserAgent { get; set; }

    /// <summary>Gets or sets whether credentials may be sent over plain http to a host that is not loopback.</summary>
    /// <value>The default is <c>false</c>: such a request is refused before it is sent.</value>
    public bool AllowInsecureHttp { get; set; }

    /// <summary>Returns a copy of these options, so a client is not affected by later changes.</summary>
    /// <returns>A copy.</returns>
    public AssistantsClientOptions Clone()
    {
        AssistantsClientOptions copy = (AssistantsClientOptions)MemberwiseClone();
        copy._defaultHeaders = new Dictionary<string, string>(_defaultHeaders, StringComparer.OrdinalIgnoreCase);
        return copy;
    }

    /// <summary>Describes the options without the credential.</summary>
    /// <returns>A description that never contains the API key or token.</returns>
    public override string ToString()
        => $"AssistantsClientOptions {{ BaseUrl = {BaseUrl}, Authentication = {AuthenticationScheme}, ApiKey = {(ApiKey is null ? "(none)" : "(set)")}, TokenProvider = {(TokenProvider is null ? "(none)" : "(set)")}, ApiVersion = {ApiVersion ?? "(none)"} }}";
}
