using System;
using System.Collections.Generic;
using System.Net.Http;

namespace Assistants.Client.Internal;

/// <summary>
/// Builds a fresh <see cref="HttpRequestMessage"/> for each retry (a message cannot be sent twice): same method,
/// URI, version, headers and options, with the body replayed by its content (<see cref="IReplayableContent"/>),
/// never copied.
/// </summary>
internal static class RequestCopy
{
    /// <summary>Whether <paramref name="content"/> can be sent again now (no body, JSON bytes, or an upload that can be rewound).</summary>
    public static bool CanReplay(HttpContent? content) => content is null || content is IReplayableContent { CanReplay: true };

    public static HttpRequestMessage Create(HttpRequestMessage original)
    {
        HttpRequestMessage copy = new(original.Method, original.RequestUri) { Version = original.Version };
#if NET5_0_OR_GREATER
        copy.VersionPolicy = original.VersionPolicy;
        foreach (KeyValuePair<string, object?> option in original.Options)
        {
            ((IDictionary<string, object?>)copy.Options)[option.Key] = option.Value;
        }
#endif
        foreach (KeyValuePair<string, IEnumerable<string>> header in original.Headers)
        {
            copy.Headers.TryAddWithoutValidation(header.Key, header.Value);
        }

        copy.Headers.ExpectContinue = original.Headers.ExpectContinue;
        if (original.Content is not null)
        {
            copy.Content = original.Content is IReplayableContent { CanReplay: true } replayable
                ? replayable.CreateReplay()
                : throw new InvalidOperationException("The request body cannot be sent again.");
        }

        return copy;
    }
}
