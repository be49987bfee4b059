using System;

namespace Assistants.Client;

/// <summary>
/// How the client retries a failed request: which failures, how often and how long it waits. The rules
/// follow the official OpenAI SDKs: 408, 409, 429, 5xx and connection failures are retried; the server's
/// <c>x-should-retry</c> header wins; <c>retry-after-ms</c> and <c>Retry-After</c> set the wait when present.
/// </summary>
/// <remarks>
/// Requests the server may already have acted on (create message, create run, create thread and run, submit
/// tool outputs) are never retried after a 5xx or a timeout once sent, so a retry never duplicates them.
/// Set <see cref="MaxRetries"/> to <c>0</c> when the <see cref="System.Net.Http.HttpClient"/> already carries a
/// resilience handler of its own.
/// </remarks>
public sealed class RetryOptions
{
    /// <summary>Gets or sets how many times a failed request is sent again; <c>0</c> turns retries off.</summary>
    /// <value>The default is <c>2</c> (three attempts in all), as in the official SDKs.</value>
    public int MaxRetries { get; set; } = 2;

    /// <summary>Gets or sets the wait before the first retry when the server names none; it doubles on each retry.</summary>
    /// <value>The default is 0.5 seconds.</value>
    public TimeSpan InitialDelay { get; set; } = TimeSpan.FromSeconds(0.5);

    /// <summary>Gets or sets the longest wait the doubling reaches.</summary>
    /// <value>The default is 8 seconds.</value>
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(8);

    /// <summary>
    /// Gets or sets the longest wait the server may ask for (<c>retry-after-ms</c> or <c>Retry-After</c>). A longer
    /// request is not waited out: the call fails at once (a 429 as <see cref="RateLimitExceededException"/> whose
    /// <see cref="RateLimitExceededException.RetryAfter"/> carries the requested wait), so the caller decides.
    /// </summary>
    /// <value>The default is 60 seconds: long enough for per-minute rate limits, short enough not to look hung.</value>
    public TimeSpan MaxRetryAfter { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Gets or sets whether computed waits are shortened by a random amount of up to 25 %, so clients that failed together do not retry together.</summary>
    /// <value>The default is <c>true</c>.</value>
    public bool Jitter { get; set; } = true;

    /// <summary>Returns a copy of these options.</summary>
    /// <returns>A copy.</returns>
    public RetryOptions Clone() => (RetryOptions)MemberwiseClone();

    internal void Validate()
    {
        if (MaxRetries < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxRetries), MaxRetries, "Retry.MaxRetries must not be negative.");
        }

        NotNegative(InitialDelay, nameof(InitialDelay));
        NotNegative(MaxDelay, nameof(MaxDelay));
        NotNegative(MaxRetryAfter, nameof(MaxRetryAfter));
    }

    private static void NotNegative(TimeSpan value, string name)
    {
        if (value < TimeSpan.Zero || value > TimeSpan.FromDays(1))
        {
            throw new ArgumentOutOfRangeException(name, value, $"Retry.{name} must be between zero and one day.");
        }
    }
}
