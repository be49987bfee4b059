using System.Collections.Generic;
using System.Net.Http;
using System.Net.Http.Headers;

namespace Assistants.Client.Internal;

/// <summary>A serialized JSON request body; a retry sends the same array again, never a copy of it.</summary>
internal sealed class JsonBody : ByteArrayContent, IReplayableContent
{
    private static readonly MediaTypeHeaderValue s_json = new("application/json");

    private readonly byte[] _bytes;

    public JsonBody(byte[] bytes)
        : base(bytes)
    {
        _bytes = bytes;
        Headers.ContentType = s_json;
    }

    public bool CanReplay => true;

    public HttpContent CreateReplay()
    {
        JsonBody copy = new(_bytes);
        foreach (KeyValuePair<string, IEnumerable<string>> header in Headers)
        {
            copy.Headers.Remove(header.Key);
            copy.Headers.TryAddWithoutValidation(header.Key, header.Value);
        }

        return copy;
    }
}
