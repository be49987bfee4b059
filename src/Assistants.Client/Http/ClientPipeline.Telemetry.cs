using System.Threading;
using Assistants.Client.Telemetry;

namespace Assistants.Client.Internal;

/// <summary>The client's telemetry context, created the first time a span or metric has a listener.</summary>
internal sealed partial class ClientPipeline
{
    private ClientTelemetryContext? _telemetryContext;

    public ClientTelemetryContext TelemetryContext
        => Volatile.Read(ref _telemetryContext)
            ?? Interlocked.CompareExchange(ref _telemetryContext, ClientTelemetryContext.Create(_options), null)
            ?? _telemetryContext!;
}
