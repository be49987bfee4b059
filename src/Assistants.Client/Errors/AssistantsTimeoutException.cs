using System;

namespace Assistants.Client;

/// <summary>
/// One of the client's own timeouts fired (<see cref="Kind"/> says which). Distinct from a caller's own
/// cancellation, which stays an <see cref="OperationCanceledException"/>.
/// </summary>
public class AssistantsTimeoutException : AssistantsApiException
{
    /// <summary>Initializes a new instance.</summary>
    /// <param name="message">The message.</param>
    /// <param name="kind">Which timeout fired.</param>
    /// <param name="timeout">The limit that was reached.</param>
    /// <param name="innerException">The cause, if any.</param>
    public AssistantsTimeoutException(string message, AssistantsTimeoutKind kind, TimeSpan timeout, Exception? innerException = null)
        : base(message, innerException)
    {
        Kind = kind;
        Timeout = timeout;
    }

    /// <summary>Gets which timeout fired.</summary>
    public AssistantsTimeoutKind Kind { get; }

    /// <summary>Gets the limit that was reached.</summary>
    public TimeSpan Timeout { get; }
}
