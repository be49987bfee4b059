using System;
using System.Globalization;
using System.IO;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using System.Threading;
using System.Threading.Tasks;

namespace Assistants.Client.Internal;

/// <summary>
/// The content-type checks of successful answers. A JSON call accepts a JSON media type (<c>application/json</c>,
/// <c>*/*+json</c>), none at all (some servers omit it), or a valid JSON body under another type; a stream call accepts
/// <c>text/event-stream</c> or none, and a JSON run from a server that ignored <c>"stream": true</c>. Anything else
/// (a proxy's HTML login page) is an <see cref="AssistantsApiException"/> that names the type, the status and the
/// request id, with the start of the body.
/// </summary>
internal sealed partial class ClientPipeline
{
    /// <summary>How much of an unexpected body is read and kept in <see cref="AssistantsApiException.RawBody"/>.</summary>
    internal const int UnexpectedBodyBytes = 4096;

    private const int UnexpectedExcerptChars = 200;

    /// <summary>
    /// Checks the answer to a stream request: returns <c>null</c> for an event stream (or no content type), the
    /// deserialized body when the server answered JSON instead of streaming, and throws for any other type.
    /// The caller keeps owning <paramref name="response"/>.
    /// </summary>
    public async Task<T?> ReadUnstreamedAsync<T>(HttpResponseMessage response, HttpRequestMessage request, JsonTypeInfo<T> typeInfo, CancellationToken cancellationToken)
        where T : class
    {
        string? mediaType = response.Content?.Headers.ContentType?.MediaType;
        if (mediaType is null || string.Equals(mediaType, "text/event-stream", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        ResponseInfo info = ResponseInfo.From(response, _secrets);
        if (IsJson(mediaType))
        {
            Log.StreamNotStreamed(_logger, request.Method.Method, request.RequestUri!.AbsolutePath, mediaType, info.RequestId);
            return await ReadModelAsync(response, info, request, typeInfo, cancellationToken).ConfigureAwait(false);
        }

        byte[] start = await ReadStartAsync(response.Content!, cancellationToken).ConfigureAwait(false);
        throw UnexpectedContentType(response, info, _secrets.Redact(start), request, "text/event-stream");
    }

    private static bool IsJson(string mediaType)
        => string.Equals(mediaType, "application/json", StringComparison.OrdinalIgnoreCase)
            || mediaType.EndsWith("+json", StringComparison.OrdinalIgnoreCase);

    private AssistantsApiException UnexpectedContentType(HttpResponseMessage response, ResponseInfo info, byte[] start, HttpRequestMessage request, string expected)
    {
        string text = Encoding.UTF8.GetString(start, 0, Math.Min(start.Length, UnexpectedBodyBytes));
        string message = string.Format(
            CultureInfo.InvariantCulture,
            "{0} {1} answered {2} ({3}) with Content-Type '{4}' where {5} was expected, so the answer is not from the Assistants API (a proxy or login page?){6}. Body starts: {7}",
            request.Method.Method,
            request.RequestUri!.AbsolutePath,
            (int)response.StatusCode,
            response.StatusCode,
            response.Content?.Headers.ContentType?.ToString(),
            expected,
            info.RequestId is { } id ? " (request id: " + id + ")" : string.Empty,
            ApiErrorFactory.Excerpt(text, UnexpectedExcerptChars));
        return new AssistantsApiException(_secrets.Redact(message), null, info, text);
    }

    private static async Task<byte[]> ReadStartAsync(HttpContent content, CancellationToken cancellationToken)
    {
#if NET
        Stream stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
#else
        Stream stream = await content.ReadAsStreamAsync().ConfigureAwait(false);
#endif
        byte[] buffer = new byte[UnexpectedBodyBytes];
        int length = 0;
        int read;
#if NET
        while (length < buffer.Length && (read = await stream.ReadAsync(buffer.AsMemory(length), cancellationToken).ConfigureAwait(false)) > 0)
#else
        while (length < buffer.Length && (read = await stream.ReadAsync(buffer, length, buffer.Length - length, cancellationToken).ConfigureAwait(false)) > 0)
#endif
        {
            length += read;
        }

        Array.Resize(ref buffer, length);
        return buffer;
    }

    /// <summary>
    /// Throws when a successful JSON call's body is declared as something other than JSON and is not JSON either (a
    /// proxy's HTML page). A body without a content type, or JSON under another type (<c>text/plain</c>), is parsed.
    /// </summary>
    private void EnsureJsonContentType(HttpResponseMessage response, ResponseInfo info, ArraySegment<byte> body, HttpRequestMessage request)
    {
        string? mediaType = response.Content?.Headers.ContentType?.MediaType;
        if (mediaType is not null && !IsJson(mediaType) && !IsValidJson(body))
        {
            throw UnexpectedContentType(response, info, _secrets.Redact(body.AsSpan()).ToArray(), request, "application/json");
        }
    }

    private static bool IsValidJson(ReadOnlySpan<byte> body)
    {
        Utf8JsonReader reader = new(body);
        try
        {
            while (reader.Read())
            {
            }

            return reader.BytesConsumed > 0;
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
