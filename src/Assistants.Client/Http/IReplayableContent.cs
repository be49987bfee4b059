using System.Net.Http;

namespace Assistants.Client.Internal;

/// <summary>
/// A request body that a retry can send again without the pipeline holding a second copy of it: JSON bytes are
/// reused as they are, an upload is re-read from its stream (rewound when it is seekable).
/// </summary>
internal interface IReplayableContent
{
    /// <summary>Gets whether the body can be sent again now: always for bytes; for a stream, when it is seekable or was never read.</summary>
    bool CanReplay { get; }

    /// <summary>Returns a fresh content over the same body for the next attempt (rewinding a stream that was read); call only when <see cref="CanReplay"/>.</summary>
    HttpContent CreateReplay();
}
