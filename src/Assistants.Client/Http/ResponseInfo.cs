using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net;
using System.Net.Http;
using Assistants.Client.Internal;

namespace Assistants.Client;

/// <summary>The status, request id and headers of one HTTP response, on success and on failure alike.</summary>
public sealed class ResponseInfo
{
    private readonly IReadOnlyDictionary<string, string> _raw;
    private readonly SecretRedactor? _secrets;
    private IReadOnlyDictionary<string, string>? _headers;

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

    // The client's own: headers are kept as received and masked the first time someone looks (a successful call
    // pays nothing for redaction it never shows).
    private ResponseInfo(HttpStatusCode statusCode, Dictionary<string, string> headers, SecretRedactor? secrets)
    {
        StatusCode = statusCode;
        _raw = headers;
        _secrets = secrets;
        _headers = secrets is null ? headers : null;
    }

    /// <summary>Gets the HTTP status code.</summary>
    public HttpStatusCode StatusCode { get; }

    /// <summary>
    /// Gets the response headers (content headers included); several values of one header are joined by <c>", "</c>.
    /// Secrets the client holds are masked (see docs/secrets.md).
    /// </summary>
    public IReadOnlyDictionary<string, string> Headers => _headers ??= Redacted();

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

        return _raw.TryGetValue(name, out string? raw) ? _secrets!.RedactHeader(name, raw) : null;
    }

    /// <inheritdoc />
    public override string ToString() => $"{(int)StatusCode} {StatusCode} (request id: {RequestId ?? "none"})";

    internal static ResponseInfo From(HttpResponseMessage response, SecretRedactor? secrets)
    {
        Dictionary<string, string> headers = new(StringComparer.OrdinalIgnoreCase);
        foreach (KeyValuePair<string, IEnumerable<string>> header in response.Headers)
        {
            headers[header.Key] = string.Join(", ", header.Value);
        }

        if (response.Content is not null)
        {
            foreach (KeyValuePair<string, IEnumerable<string>> header in response.Content.Headers)
            {
                headers[header.Key] = string.Join(", ", header.Value);
            }
        }

        return new ResponseInfo(response.StatusCode, headers, secrets);
    }

    private Dictionary<string, string> Redacted()
    {
        Dictionary<string, string> copy = new(_raw.Count, StringComparer.OrdinalIgnoreCase);
        foreach (KeyValuePair<string, string> header in _raw)
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
