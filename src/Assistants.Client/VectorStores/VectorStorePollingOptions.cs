using System;

namespace Assistants.Client;

/// <summary>How the vector store waiters poll: interval, maximum wait and the clock.</summary>
/// <remarks>A server's <c>openai-poll-after-ms</c> header, when present, replaces <see cref="Interval"/> for the next poll.</remarks>
public sealed class VectorStorePollingOptions
{
    private TimeSpan _interval = TimeSpan.FromSeconds(1);
    private TimeSpan? _maximumWait;

    /// <summary>Gets or sets the time between polls.</summary>
    /// <value>The default is 1 second (what the official Python SDK waits).</value>
    /// <exception cref="ArgumentOutOfRangeException">The value is negative.</exception>
    public TimeSpan Interval
    {
        get => _interval;
        set => _interval = value >= TimeSpan.Zero ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "The interval must not be negative.");
    }

    /// <summary>Gets or sets how long to wait in total before giving up with a <see cref="TimeoutException"/>.</summary>
    /// <value>The default is <c>null</c>: wait until the processing ends or the call is cancelled.</value>
    /// <exception cref="ArgumentOutOfRangeException">The value is negative.</exception>
    public TimeSpan? MaximumWait
    {
        get => _maximumWait;
        set => _maximumWait = value is null || value >= TimeSpan.Zero ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "The maximum wait must not be negative.");
    }

    /// <summary>Gets or sets the clock that measures the waits (a fake one in tests).</summary>
    /// <value>The default is <see cref="TimeProvider.System"/>.</value>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;
}
