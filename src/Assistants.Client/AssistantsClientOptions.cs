using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;

namespace Assistants.Client;

/// <summary>
/// Settings for <see cref="AssistantsApiClient"/>: where the server is, how to authenticate, and which
/// headers and query parameters every request carries. Together they express any server profile
/// (OpenAI-compatible, Foundry classic agents, Fabric data agents, self-hosted servers).
/// </summary>
public sealed class AssistantsClientOptions
{
    private Dictionary<string, string> _defaultHeaders = new(StringComparer.OrdinalIgnoreCase);
    private HashSet<string> _secretHeaderNames = new(StringComparer.OrdinalIgnoreCase);
    private RetryOptions _retry = new();
    private TimeoutOptions _timeouts = new();
    private TelemetryOptions _telemetry = new();
    private TimeProvider _timeProvider = TimeProvider.System;

    /// <summary>The default value of the <c>OpenAI-Beta</c> header.</summary>
    public const string DefaultBetaHeader = "assistants=v2";

    /// <summary>
    /// Gets or sets the server as a profile (<see cref="ServerProfile.Foundry(string, string)"/>, <see cref="ServerProfile.Fabric"/>,
    /// <see cref="ServerProfile.OpenAICompatible"/>, <see cref="ServerProfile.Embedded()"/>, <see cref="ServerProfile.Custom"/>):
    /// it sets the base URL, <c>api-version</c>, <c>OpenAI-Beta</c> header and authentication scheme, and which operations
    /// may be sent. Leave <see cref="BaseUrl"/> and <see cref="ApiVersion"/> unset with a profile.
    /// </summary>
    /// <value>The default is <c>null</c>: <see cref="BaseUrl"/> names the server and every operation is tried.</value>
    public ServerProfile? Profile { get; set; }

    /// <summary>
    /// Gets or sets the base URL, including any path prefix (for example <c>http://localhost:8000/api/v1</c>), when no
    /// <see cref="Profile"/> is set. There is no default server: a client with neither fails at construction.
    /// </summary>
    /// <value>The default is <c>null</c>.</value>
    public Uri? BaseUrl { get; set; }

    /// <summary>Gets or sets the API key. It is never written to <see cref="ToString"/>, and masked wherever the client shows text (messages, exception fields, headers, logs).</summary>
    /// <value>The default is <c>null</c>: use <see cref="TokenProvider"/>, or send no credential.</value>
    public string? ApiKey { get; set; }

    /// <summary>
    /// Gets or sets a callback that returns a bearer token for each request (for Entra-style rotating tokens). It wins over
    /// <see cref="ApiKey"/>. The client masks the last 32 distinct tokens it was given, like the API key.
    /// </summary>
    /// <value>The default is <c>null</c>.</value>
    public Func<CancellationToken, ValueTask<string>>? TokenProvider { get; set; }

    /// <summary>Gets or sets how the credential is sent (a <see cref="Profile"/> decides it; another value than the default conflicts with it).</summary>
    /// <value>The default is <see cref="AuthenticationScheme.Bearer"/>.</value>
    public AuthenticationScheme AuthenticationScheme { get; set; } = AuthenticationScheme.Bearer;

    /// <summary>Gets or sets the organization, sent as <c>OpenAI-Organization</c>.</summary>
    /// <value>The default is <c>null</c>: no header.</value>
    public string? Organization { get; set; }

    /// <summary>Gets or sets the project, sent as <c>OpenAI-Project</c>.</summary>
    /// <value>The default is <c>null</c>: no header.</value>
    public string? Project { get; set; }

    /// <summary>Gets or sets the <c>OpenAI-Beta</c> header value; <c>null</c> or empty sends no such header (a <see cref="Profile"/> decides it; another value than the default conflicts with it).</summary>
    /// <value>The default is <c>assistants=v2</c>, which OpenAI-compatible servers require on assistants, threads and runs.</value>
    public string? BetaHeader { get; set; } = DefaultBetaHeader;

    /// <summary>Gets or sets the <c>api-version</c> query parameter added to every request (for example <c>v1</c> on Foundry).</summary>
    /// <value>The default is <c>null</c>: no parameter.</value>
    public string? ApiVersion { get; set; }

    /// <summary>Gets the headers added to every request.</summary>
    /// <value>The default is empty.</value>
    public IDictionary<string, string> DefaultHeaders => _defaultHeaders;

    /// <summary>
    /// Gets the names of headers whose values are secrets (compared case-insensitively). A <see cref="DefaultHeaders"/>
    /// value under such a name is masked wherever the client shows text (exception messages and fields, exposed
    /// response headers, log lines), and a response header of that name is shown masked. <c>Authorization</c> and
    /// <c>api-key</c> are always secret, whether or not they are listed here. See docs/secrets.md.
    /// </summary>
    /// <value>The default is empty: only <c>Authorization</c> and <c>api-key</c>.</value>
    public ISet<string> SecretHeaderNames => _secretHeaderNames;

    /// <summary>Gets or sets the <c>User-Agent</c> sent with each request.</summary>
    /// <value>The default is <c>Assistants.Client/&lt;version&gt;</c>.</value>
    public string? UserAgent { get; set; }

    /// <summary>Gets or sets whether credentials may be sent over plain http to a host that is not loopback.</summary>
    /// <value>The default is <c>false</c>: such a request is refused before it is sent.</value>
    public bool AllowInsecureHttp { get; set; }

    /// <summary>
    /// Gets or sets whether a run stream read by an <see cref="AssistantEventHandler"/> (directly or in a streaming tool
    /// loop) that breaks (a reset connection, <see cref="TimeoutOptions.StreamIdle"/>, a body that ends without a final
    /// run event) is continued by polling the run, so the handler still receives the rest of the run. Each stream
    /// starts with this value in <see cref="RunStream.RecoverOnBreak"/>.
    /// </summary>
    /// <value>The default is <c>true</c>. With <c>false</c> the handler ends with the stream's exception, as a plain
    /// <c>await foreach</c> over a <see cref="RunStream"/> always does.</value>
    public bool StreamRecovery { get; set; } = true;

    /// <summary>Gets or sets how failed requests are retried; set <see cref="RetryOptions.MaxRetries"/> to <c>0</c> to turn retries off.</summary>
    /// <value>The default is 2 retries with backoff from 0.5 s doubling to 8 s (see <see cref="RetryOptions"/>).</value>
    /// <exception cref="ArgumentNullException">The value is null.</exception>
    public RetryOptions Retry
    {
        get => _retry;
        set => _retry = value ?? throw new ArgumentNullException(nameof(value));
    }

    /// <summary>Gets or sets the client's timeouts: to response headers, in total for a non-streaming call, and between stream events.</summary>
    /// <value>The default is 2 minutes to headers, 10 minutes in total, 5 minutes of stream silence (see <see cref="TimeoutOptions"/>).</value>
    /// <exception cref="ArgumentNullException">The value is null.</exception>
    public TimeoutOptions Timeouts
    {
        get => _timeouts;
        set => _timeouts = value ?? throw new ArgumentNullException(nameof(value));
    }

    /// <summary>Gets or sets the OpenTelemetry output: whether spans carry content (see <see cref="TelemetryOptions"/>).</summary>
    /// <value>The default records no content.</value>
    /// <exception cref="ArgumentNullException">The value is null.</exception>
    public TelemetryOptions Telemetry
    {
        get => _telemetry;
        set => _telemetry = value ?? throw new ArgumentNullException(nameof(value));
    }

    /// <summary>Gets or sets the clock for every retry delay, timeout and polling wait (a fake one makes tests instant).</summary>
    /// <value>The default is <see cref="TimeProvider.System"/>.</value>
    /// <exception cref="ArgumentNullException">The value is null.</exception>
    public TimeProvider TimeProvider
    {
        get => _timeProvider;
        set => _timeProvider = value ?? throw new ArgumentNullException(nameof(value));
    }

    /// <summary>
    /// Gets or sets the logger factory for the library's log lines (category <c>Assistants.Client</c>): requests
    /// sent (Debug), retries (Information), timeouts (Warning), polls (Debug), unknown values (Information).
    /// Bodies, headers and credentials are never logged.
    /// </summary>
    /// <value>The default is <c>null</c>: no logging. Registration through dependency injection uses the container's factory.</value>
    public ILoggerFactory? LoggerFactory { get; set; }

    /// <summary>Gets or sets the problems found when these options were read from configuration (reported by the options validator).</summary>
    internal List<string>? ConfigurationErrors { get; set; }

    /// <summary>Returns a copy of these options, so a client is not affected by later changes.</summary>
    /// <returns>A copy.</returns>
    public AssistantsClientOptions Clone()
    {
        AssistantsClientOptions copy = (AssistantsClientOptions)MemberwiseClone();
        copy._defaultHeaders = new Dictionary<string, string>(_defaultHeaders, StringComparer.OrdinalIgnoreCase);
        copy._secretHeaderNames = new HashSet<string>(_secretHeaderNames, StringComparer.OrdinalIgnoreCase);
        copy._retry = _retry.Clone();
        copy._timeouts = _timeouts.Clone();
        copy._telemetry = _telemetry.Clone();
        return copy;
    }

    /// <summary>Describes the options without the credential.</summary>
    /// <returns>A description that never contains the API key or token.</returns>
    public override string ToString()
        => $"AssistantsClientOptions {{ Profile = {Profile?.Name ?? "(none)"}, BaseUrl = {(Profile?.BaseUrl ?? BaseUrl)?.ToString() ?? "(none)"}, Authentication = {AuthenticationScheme}, ApiKey = {(ApiKey is null ? "(none)" : "(set)")}, TokenProvider = {(TokenProvider is null ? "(none)" : "(set)")}, ApiVersion = {ApiVersion ?? "(none)"} }}";
}
