using System;
using System.Collections.Concurrent;
using Assistants.Client.Internal;

namespace Assistants.Client.Telemetry;

/// <summary>
/// What every span and measurement of one client shares: the provider name of its profile, the server's address and
/// port (boxed once), the content opt-in, and the assistant names seen, so an <c>invoke_agent</c> span can carry the
/// agent's name although a run names only the assistant's id. Created the first time someone listens.
/// </summary>
internal sealed class ClientTelemetryContext
{
    /// <summary>More assistant names than this are not remembered (a server with thousands of assistants).</summary>
    internal const int MaxRememberedNames = 1024;

    private static readonly ClientTelemetryContext s_detached = new(null, null);

    private readonly ConcurrentDictionary<string, string> _agentNames = new(StringComparer.Ordinal);

    private ClientTelemetryContext(Uri? baseUrl, AssistantsClientOptions? options)
    {
        ProviderName = options?.Profile?.ProviderName ?? ProviderNames.ForProfile(null);
        ServerAddress = baseUrl?.Host;
        ServerPort = baseUrl is null ? null : baseUrl.Port;
        RecordContent = options?.Telemetry.RecordContent ?? false;
    }

    public string ProviderName { get; }

    public string? ServerAddress { get; }

    public object? ServerPort { get; }

    public bool RecordContent { get; }

    public static ClientTelemetryContext For(ClientPipeline? pipeline) => pipeline?.TelemetryContext ?? s_detached;

    internal static ClientTelemetryContext Create(AssistantsClientOptions options)
        => new(options.BaseUrl ?? options.Profile?.BaseUrl, options);

    public void RememberAgentName(string? assistantId, string? name)
    {
        if (assistantId is { Length: > 0 } && name is { Length: > 0 } && _agentNames.Count < MaxRememberedNames)
        {
            _agentNames[assistantId] = name;
        }
    }

    public string? AgentName(string? assistantId)
        => assistantId is not null && _agentNames.TryGetValue(assistantId, out string? name) ? name : null;
}
