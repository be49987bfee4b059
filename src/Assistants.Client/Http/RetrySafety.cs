namespace Assistants.Client.Internal;

/// <summary>Whether a request may be sent again after the server may already have acted on it (the retry class of an <see cref="ApiOperation"/>).</summary>
internal enum RetrySafety
{
    /// <summary>Reads, modifies of an existing id, deletes and cancels: repeating them changes nothing more, so every retryable failure is retried.</summary>
    Safe = 0,

    /// <summary>
    /// Creates and tool-output submissions, whose repetition would create or change something twice: sent again only when
    /// the request provably never reached the server (connection refused, name resolution or TLS failure) or the server
    /// said it did not process it (429, <c>x-should-retry: true</c>).
    /// </summary>
    NotAfterSend = 1,
}
