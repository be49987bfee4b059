using Microsoft.Extensions.Logging;

namespace Assistants.Client.Internal;

/// <summary>
/// Every log line the library writes (category <c>Assistants.Client</c>). Lines carry methods, paths, statuses,
/// ids and durations; never bodies, headers or credentials. A value a server supplied (a request id, an unknown
/// status) could echo a secret: the pipeline's logger is a <see cref="RedactingLogger"/>, which masks it.
/// </summary>
internal static partial class Log
{
    public const string Category = "Assistants.Client";

    [LoggerMessage(EventId = 1, EventName = "RequestSent", Level = LogLevel.Debug,
        Message = "{Method} {Path} answered {StatusCode} in {ElapsedMs:0} ms (attempt {Attempt}, request id {RequestId})")]
    public static partial void RequestSent(ILogger logger, string method, string path, int statusCode, double elapsedMs, int attempt, string? requestId);

    [LoggerMessage(EventId = 2, EventName = "RequestFailed", Level = LogLevel.Debug,
        Message = "{Method} {Path} got no response after {ElapsedMs:0} ms (attempt {Attempt}): {ErrorType}")]
    public static partial void RequestFailed(ILogger logger, string method, string path, double elapsedMs, int attempt, string errorType);

    [LoggerMessage(EventId = 3, EventName = "RetryScheduled", Level = LogLevel.Information,
        Message = "Retrying {Method} {Path} in {DelayMs:0} ms (retry {Retry} of {MaxRetries}): {Reason}")]
    public static partial void RetryScheduled(ILogger logger, string method, string path, double delayMs, int retry, int maxRetries, string reason);

    [LoggerMessage(EventId = 4, EventName = "RetryDeclined", Level = LogLevel.Debug,
        Message = "Not retrying {Method} {Path}: {Reason}")]
    public static partial void RetryDeclined(ILogger logger, string method, string path, string reason);

    [LoggerMessage(EventId = 5, EventName = "TimeoutFired", Level = LogLevel.Warning,
        Message = "{Method} {Path}: the {Kind} timeout of {LimitMs:0} ms fired")]
    public static partial void TimeoutFired(ILogger logger, string method, string path, AssistantsTimeoutKind kind, double limitMs);

    [LoggerMessage(EventId = 10, EventName = "PollTick", Level = LogLevel.Debug,
        Message = "Run {RunId} of thread {ThreadId} is {Status} after {ElapsedMs:0} ms; next poll in {DelayMs:0} ms")]
    public static partial void PollTick(ILogger logger, string runId, string threadId, string status, double elapsedMs, double delayMs);

    [LoggerMessage(EventId = 20, EventName = "UnknownValue", Level = LogLevel.Information,
        Message = "Unknown {Kind} '{Value}' received; kept as it is")]
    public static partial void UnknownValue(ILogger logger, string kind, string value);

    [LoggerMessage(EventId = 30, EventName = "AbandonedRunNotCancelled", Level = LogLevel.Warning,
        Message = "The abandoned stream's run {RunId} of thread {ThreadId} was not cancelled: {Reason}; it keeps the thread busy until it ends or expires")]
    public static partial void AbandonedRunNotCancelled(ILogger logger, string runId, string threadId, string reason);

    [LoggerMessage(EventId = 31, EventName = "StreamNotStreamed", Level = LogLevel.Warning,
        Message = "{Method} {Path} asked for a stream but the server answered {ContentType} (request id {RequestId}); the run it returned is reported as one update")]
    public static partial void StreamNotStreamed(ILogger logger, string method, string path, string contentType, string? requestId);
}
