namespace Assistants.Client;

/// <summary>Which of the client's timeouts fired (see <see cref="TimeoutOptions"/>).</summary>
public enum AssistantsTimeoutKind
{
    /// <summary>The response headers did not arrive within <see cref="TimeoutOptions.ResponseHeaders"/>.</summary>
    ResponseHeaders = 0,

    /// <summary>A non-streaming call did not finish within <see cref="TimeoutOptions.Total"/>.</summary>
    Total = 1,

    /// <summary>A stream sent no event within <see cref="TimeoutOptions.StreamIdle"/>.</summary>
    StreamIdle = 2,

    /// <summary>A run did not reach the awaited status within <see cref="RunPollingOptions.MaxWait"/>.</summary>
    RunWait = 3,
}
