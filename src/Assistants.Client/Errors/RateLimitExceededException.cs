using System;

namespace Assistants.Client;

/// <summary>429 Too Many Requests: the caller sent too much, or the quota is used up.</summary>
public class RateLimitExceededException : AssistantsApiException
{
    /// <summary>Initializes a new instance from a parsed server error.</summary>
    /// <param name="message">The message.</param>
    /// <param name="error">The server's error object, if it sent one.</param>
    /// <param name="response">The HTTP response details.</param>
    /// <param name="rawBody">The response body as text, if any.</param>
    /// <param name="retryAfter">The wait the server asked for, if it named one.</param>
    /// <param name="innerException">The cause, if any.</param>
    public RateLimitExceededException(string message, ApiError? error, ResponseInfo? response, string? rawBody, TimeSpan? retryAfter, Exception? innerException = null)
        : base(message, error, response, rawBody, innerException)
    {
        RetryAfter = retryAfter;
    }

    /// <summary>Gets the wait the server asked for (<c>retry-after-ms</c> or <c>Retry-After</c>), when it named one.</summary>
    public TimeSpan? RetryAfter { get; }
}
