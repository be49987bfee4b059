using System;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Net.Http;
using Polly;

namespace Assistants.Client.Internal;

/// <summary>Whether a failed attempt is sent again, why, and the wait the server asked for.</summary>
internal readonly struct RetryDecision
{
    public RetryDecision(bool retry, string reason, TimeSpan? serverDelay = null)
    {
        Retry = retry;
        Reason = reason;
        ServerDelay = serverDelay;
    }

    public bool Retry { get; }

    public string Reason { get; }

    public TimeSpan? ServerDelay { get; }
}

/// <summary>
/// The retry rules, kept apart from Polly so they read as one table: what is retried, for which requests (the retry
/// class each <see cref="ApiOperation"/> declares in <see cref="ApiOperations"/>), and when the server's own word
/// (<c>x-should-retry</c>, <c>retry-after-ms</c>, <c>Retry-After</c>) wins.
/// </summary>
internal static class RetryClassifier
{
    public static RetryDecision Classify(Outcome<HttpResponseMessage> outcome, RetrySafety safety, bool bodyReplayable, TimeSpan maxRetryAfter, DateTimeOffset now)
    {
        RetryDecision decision = Classify(outcome, safety, maxRetryAfter, now);
        return decision.Retry && !bodyReplayable
            ? new RetryDecision(false, decision.Reason + ", but the request body was a non-seekable stream already read, so it cannot be sent again")
            : decision;
    }

    private static RetryDecision Classify(Outcome<HttpResponseMessage> outcome, RetrySafety safety, TimeSpan maxRetryAfter, DateTimeOffset now)
    {
        if (outcome.Exception is { } exception)
        {
            return ClassifyException(exception, safety);
        }

        // Outcome<T> is Polly's completed result, not a task: reading it never blocks.
        if (outcome is not { Result: { } response } || response.IsSuccessStatusCode)
        {
            return new RetryDecision(false, "success");
        }

        int status = (int)response.StatusCode;
        string? shouldRetry = Header(response, "x-should-retry");
        if (string.Equals(shouldRetry, "false", StringComparison.OrdinalIgnoreCase))
        {
            return new RetryDecision(false, "the server sent x-should-retry: false");
        }

        TimeSpan? wait = RetryAfter.From(ResponseInfo.From(response, null), now);
        if (wait > maxRetryAfter)
        {
            return new RetryDecision(
                false,
                string.Format(CultureInfo.InvariantCulture, "the server asked to wait {0:0.###} s, more than Retry.MaxRetryAfter ({1:0.###} s)", wait.Value.TotalSeconds, maxRetryAfter.TotalSeconds),
                wait);
        }

        string reason = "status " + status.ToString(CultureInfo.InvariantCulture);
        if (string.Equals(shouldRetry, "true", StringComparison.OrdinalIgnoreCase))
        {
            return new RetryDecision(true, reason + " with x-should-retry: true", wait);
        }

        // 429 says the server did not act on the request, so even a create may be sent again. 408 and 409 say no such
        // thing for certain (a proxy's 408 may come after the server acted; a 409 may be a conflict the create caused).
        if (status == 429)
        {
            return new RetryDecision(true, reason, wait);
        }

        if (status is 408 or 409 or >= 500)
        {
            return safety == RetrySafety.Safe
                ? new RetryDecision(true, reason, wait)
                : new RetryDecision(false, reason + " after the request was sent, and repeating it could duplicate what it created");
        }

        return new RetryDecision(false, reason);
    }

    private static RetryDecision ClassifyException(Exception exception, RetrySafety safety)
    {
        if (exception is AssistantsTimeoutException { Kind: AssistantsTimeoutKind.ResponseHeaders })
        {
            return safety == RetrySafety.Safe
                ? new RetryDecision(true, "no response headers within Timeouts.ResponseHeaders")
                : new RetryDecision(false, "timeout after the request was sent, and repeating it could duplicate what it created");
        }

        if (exception is OperationCanceledException || exception is not (HttpRequestException or IOException))
        {
            return new RetryDecision(false, exception.GetType().Name);
        }

        if (ConnectionFailure.IsBeforeSend(exception))
        {
            return new RetryDecision(true, "connection failure before sending (" + exception.GetType().Name + ")");
        }

        return safety == RetrySafety.Safe
            ? new RetryDecision(true, "connection failure (" + exception.GetType().Name + ")")
            : new RetryDecision(false, "connection failure after the request may have been sent, and repeating it could duplicate what it created");
    }

    private static string? Header(HttpResponseMessage response, string name)
        => response.Headers.TryGetValues(name, out var values) ? values.FirstOrDefault()?.Trim() : null;
}
