using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Threading;
using Assistants.Client.Internal;

namespace Assistants.Client;

/// <summary>The status, request id and headers of one HTTP response, on success and on failure alike.</summary>
public sealed class ResponseInfo
{
    private readonly SecretRedactor? _secrets;
    private IReadOnlyDictionary<string, string>? _raw;
    private IReadOnlyDictionary<string, string>? _headers;

    // The client's own: the response headers are read from the HttpResponseMessage's header collection (kept, not
    // the message) the first time someone asks; most calls never do, and pay for no dictionary.
    private HttpResponseHeaders? _pending;
    private KeyValuePair<string, string>[]? _pendingContent;

    /// <summary>Initializes a new instance, for tests and custom pipelines.</summary>
    /// <param name="statusCode">The HTTP status code.</param>
    /// <param name="headers">The response headers; names compare case-insensitively.</param>
    public ResponseInfo(HttpStatusCode statusCode, IReadOnlyDictionary<string, string>? headers = null)
    {
        StatusCode = statusCode;
        Dictionary<string, string> copy = new(StringComparer.OrdinalIgnoreCase);
        if (headers is not null)
        {
            foreach (KeyValuePair<string, string> header in headers)
            {
                copy[header.Key] = header.Value;
            }
        }

        _raw = copy;
        _headers = copy;
    }

    // Headers are kept as received and masked the first time someone looks (a successful call pays nothing for
    // redaction it never shows).
    private ResponseInfo(HttpStatusCode statusCode, HttpResponseHeaders headers, KeyValuePair<string, string>[]? contentHeaders, SecretRedactor? secrets)
    {
        StatusCode = statusCode;
        _pending = headers;
        _pendingContent = contentHeaders;
        _secrets = secrets;
    }

    /// <summary>Gets the HTTP status code.</summary>
    public HttpStatusCode StatusCode { get; }

    /// <summary>
    /// Gets the response headers (content headers included); several values of one header are joined by <c>", "</c>.
    /// Secrets the client holds are masked (see docs/secrets.md).
    /// </summary>
    public IReadOnlyDictionary<string, string> Headers => _headers ??= _secrets is null ? Raw : Redacted();

    /// <summary>Gets the server's request id (<c>x-request-id</c>, or <c>apim-request-id</c> on Azure front doors).</summary>
    public string? RequestId => GetHeader("x-request-id") ?? GetHeader("apim-request-id");

    /// <summary>Gets the server's processing time (<c>openai-processing-ms</c>), when it sent one.</summary>
    public TimeSpan? ProcessingTime => ParseMilliseconds(GetHeader("openai-processing-ms"));

    /// <summary>Gets the delay the server asks for before the next poll (<c>openai-poll-after-ms</c>), when it sent one.</summary>
    public TimeSpan? PollAfter => ParseMilliseconds(GetHeader("openai-poll-after-ms"));

    /// <summary>Gets a header's value, or <c>null</c> when the response has no such header.</summary>
    /// <param name="name">The header name, compared case-insensitively.</param>
    /// <returns>The header's value, or <c>null</c>.</returns>
    public string? GetHeader(string name)
    {
        if (_headers is { } shown)
        {
            return shown.TryGetValue(name, out string? value) ? value : null;
        }

        if (!Raw.TryGetValue(name, out string? raw))
        {
            return null;
        }

        return _secrets is null ? raw : _secrets.RedactHeader(name, raw);
    }

    /// <inheritdoc />
    public override string ToString() => $"{(int)StatusCode} {StatusCode} (request id: {RequestId ?? "none"})";

    internal static ResponseInfo From(HttpResponseMessage response, SecretRedactor? secrets)
    {
        // Content headers are few (type, length) and belong to a content that is disposed with the response: copied now.
        KeyValuePair<string, string>[]? content = null;
        if (response.Content is { } body)
        {
#if NET
            HttpHeadersNonValidated headers = body.Headers.NonValidated;
            if (headers.Count > 0)
            {
                content = new KeyValuePair<string, string>[headers.Count];
                int i = 0;
                foreach (KeyValuePair<string, HeaderStringValues> header in headers)
                {
                    content[i++] = new KeyValuePair<string, string>(header.Key, header.Value.ToString());
                }
            }
#else
            List<KeyValuePair<string, string>> list = new();
            foreach (KeyValuePair<string, IEnumerable<string>> header in body.Headers)
            {
                list.Add(new KeyValuePair<string, string>(header.Key, string.Join(", ", header.Value)));
            }

            content = list.ToArray();
#endif
        }

        return new ResponseInfo(response.StatusCode, response.Headers, content, secrets);
    }

    private IReadOnlyDictionary<string, string> Raw
    {
        get
        {
            if (Volatile.Read(ref _raw) is { } raw)
            {
                return raw;
            }

            lock (_pending!)
            {
                if (_raw is { } built)
                {
                    return built;
                }

                Dictionary<string, string> headers = new(StringComparer.OrdinalIgnoreCase);
#if NET
                foreach (KeyValuePair<string, HeaderStringValues> header in _pending.NonValidated)
                {
                    headers[header.Key] = header.Value.ToString();
                }
#else
                foreach (KeyValuePair<string, IEnumerable<string>> header in _pending)
                {
                    headers[header.Key] = string.Join(", ", header.Value);
                }
#endif
                foreach (KeyValuePair<string, string> header in _pendingContent ?? Array.Empty<KeyValuePair<string, string>>())
                {
                    headers[header.Key] = header.Value;
                }

                Volatile.Write(ref _raw, headers);
                return headers;
            }
        }
    }

    private Dictionary<string, string> Redacted()
    {
        IReadOnlyDictionary<string, string> raw = Raw;
        Dictionary<string, string> copy = new(raw.Count, StringComparer.OrdinalIgnoreCase);
        foreach (KeyValuePair<string, string> header in raw)
        {
            copy[header.Key] = _secrets!.RedactHeader(header.Key, header.Value);
        }

        return copy;
    }

    private static TimeSpan? ParseMilliseconds(string? value)
        => double.TryParse(value?.Split(',').First().Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out double ms) && ms >= 0
            ? TimeSpan.FromMilliseconds(ms)
            : null;
}
