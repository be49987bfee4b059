namespace Assistants.Client.Internal;

/// <summary>Whether a request may be sent again after the server may already have acted on it.</summary>
internal enum RetrySafety
{
    /// <summary>Reads and idempotent writes: retried on any retryable failure.</summary>
    Safe = 0,

    /// <summary>Creates whose repetition would duplicate data (messages, runs, tool outputs): retried only when nothing reached the server or the server said so.</summary>
    NotAfterSend = 1,
}
