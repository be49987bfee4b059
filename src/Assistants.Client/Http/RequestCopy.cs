using System.Collections.Generic;
using System.Net.Http;

namespace Assistants.Client.Internal;

/// <summary>
/// Builds a fresh <see cref="HttpRequestMessage"/> for each retry (a message cannot be sent twice): same method,
/// URI, version, headers and options, with the body from the bytes buffered before the first attempt.
/// </summary>
internal static class RequestCopy
{
    public static HttpRequestMessage Create(HttpRequestMessage original, byte[]? body)
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

        if (original.Content is not null)
        {
            ByteArrayContent content = new(body ?? []);
            foreach (KeyValuePair<string, IEnumerable<string>> header in original.Content.Headers)
            {
                content.Headers.TryAddWithoutValidation(header.Key, header.Value);
            }

            copy.Content = content;
        }

        return copy;
    }
}
