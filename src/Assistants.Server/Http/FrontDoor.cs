using System;
using System.Buffers;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using Assistants.Server.Errors;

namespace Assistants.Server.Http;

/// <summary>
/// What every request passes before it reaches a route: the Host header on loopback (DNS rebinding), the API key,
/// the body's content type (so a web page cannot post to the server with a "simple" text/plain request) and its size.
/// </summary>
internal sealed class FrontDoor(AssistantsServerOptions options)
{
    private (string Key, byte[] Hash)[] _keyHashes = [];

    /// <summary>Checks the request and bounds its body; throws the error envelope's exception when it is refused.</summary>
    public void Admit(HttpRequestMessage request, string[] segments, RequestOrigin origin)
    {
        if (origin.OverSocket && origin.LoopbackConnection && !IsLoopbackHost(request.Headers.Host))
        {
            throw FrontDoorErrors.InvalidHost(request.Headers.Host);
        }

        CheckKey(request, origin);
        if (request.Content is not HttpContent content || content.Headers.ContentLength == 0)
        {
            return;
        }

        bool post = request.Method == HttpMethod.Post;
        bool importedContent = post && segments is ["_import", "files", _, "content"];
        bool upload = (post && segments is ["files"]) || importedContent;
        string expected = importedContent ? "application/octet-stream" : upload ? "multipart/form-data" : "application/json";
        string? mediaType = content.Headers.ContentType?.MediaType;
        if (!string.Equals(mediaType, expected, StringComparison.OrdinalIgnoreCase))
        {
            throw FrontDoorErrors.UnsupportedMediaType(mediaType, expected);
        }

        long limit = upload ? options.MaxUploadBytes : options.MaxRequestBodyBytes;
        Func<ApiException> tooLarge = upload ? () => FrontDoorErrors.UploadTooLarge(limit) : () => FrontDoorErrors.BodyTooLarge(limit);
        long? length = content.Headers.ContentLength;
        if (length > limit)
        {
            throw tooLarge();
        }

        // A declared length is all a body can be (Kestrel stops there), and a buffered in-process content stays as the
        // caller made it, so a retry can send it again. Only a body of unknown length (chunked) is counted as it streams.
        if (length is null)
        {
            request.Content = new BoundedContent(content, limit, tooLarge);
        }
    }

    /// <summary>Whether a Host header names this machine's loopback: <c>localhost</c>, <c>127.0.0.1</c>, <c>[::1]</c>, any port.</summary>
    public static bool IsLoopbackHost(string? host)
    {
        if (string.IsNullOrEmpty(host))
        {
            return false;
        }

        string name = host;
        if (name.StartsWith('['))
        {
            int close = name.IndexOf(']', StringComparison.Ordinal);
            name = close < 0 ? name : name[1..close];
        }
        else if (name.LastIndexOf(':') is int colon and > 0)
        {
            name = name[..colon];
        }

        return name.Equals("localhost", StringComparison.OrdinalIgnoreCase)
            || (IPAddress.TryParse(name, out IPAddress? address) && IPAddress.IsLoopback(address));
    }

    private void CheckKey(HttpRequestMessage request, RequestOrigin origin)
    {
        if (options.ApiKeys.Count == 0)
        {
            if (origin.OverSocket && !origin.LoopbackConnection)
            {
                throw FrontDoorErrors.NoKeysOffLoopback();
            }

            return;
        }

        string? presented = PresentedKey(request);
        if (string.IsNullOrEmpty(presented))
        {
            throw FrontDoorErrors.MissingApiKey();
        }

        if (!Matches(presented))
        {
            throw FrontDoorErrors.InvalidApiKey();
        }
    }

    private static string? PresentedKey(HttpRequestMessage request)
    {
        // Read as sent, without HttpHeaders parsing the value into an AuthenticationHeaderValue (and caching it).
        if (request.Headers.NonValidated.TryGetValues("Authorization", out HeaderStringValues authorization)
            && BearerToken(FirstValue(authorization)) is string token)
        {
            return token;
        }

        return request.Headers.NonValidated.TryGetValues("api-key", out HeaderStringValues values) ? FirstValue(values)?.Trim() : null;
    }

    private static string? FirstValue(HeaderStringValues values)
    {
        foreach (string value in values)
        {
            return value;
        }

        return null;
    }

    /// <summary>The token of a <c>Bearer</c> credential (scheme in any case), trimmed; <see langword="null"/> for another scheme.</summary>
    private static string? BearerToken(string? value)
    {
        ReadOnlySpan<char> text = value.AsSpan().Trim();
        if (text.Length < 6 || !text[..6].Equals("Bearer", StringComparison.OrdinalIgnoreCase) || (text.Length > 6 && !char.IsWhiteSpace(text[6])))
        {
            return null;
        }

        return text[6..].Trim().ToString();
    }

    // Both sides are hashed first, so the comparison takes the same time whatever the lengths and contents. The
    // configured keys' hashes are kept until the key list changes.
    private bool Matches(string presented)
    {
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        int length = Encoding.UTF8.GetByteCount(presented);
        byte[]? rented = length > 256 ? ArrayPool<byte>.Shared.Rent(length) : null;
        Span<byte> utf8 = rented is null ? stackalloc byte[256] : rented;
        int written = Encoding.UTF8.GetBytes(presented, utf8);
        SHA256.HashData(utf8[..written], hash);
        if (rented is not null)
        {
            ArrayPool<byte>.Shared.Return(rented, clearArray: true);
        }

        bool match = false;
        foreach ((string _, byte[] key) in KeyHashes())
        {
            match |= CryptographicOperations.FixedTimeEquals(hash, key);
        }

        return match;
    }

    private (string Key, byte[] Hash)[] KeyHashes()
    {
        (string Key, byte[] Hash)[] cached = _keyHashes;
        IList<string> keys = options.ApiKeys;
        bool same = cached.Length == keys.Count;
        for (int i = 0; same && i < keys.Count; i++)
        {
            same = ReferenceEquals(cached[i].Key, keys[i]);
        }

        if (!same)
        {
            cached = [.. keys.Select(key => (key, SHA256.HashData(Encoding.UTF8.GetBytes(key))))];
            _keyHashes = cached;
        }

        return cached;
    }
}
