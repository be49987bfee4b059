using System;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Assistants.Client.Serialization;

namespace Assistants.Client.Internal;

/// <summary>Turns an error response into the matching <see cref="AssistantsApiException"/> subtype.</summary>
internal static class ApiErrorFactory
{
    // The server names the run in its message; this reads it, it does not validate id shapes.
    // Two wordings are in use: "Thread thread_x already has an active run run_y." (create run) and
    // "Can't add messages to thread_x while a run run_y is active." (create message).
    private static readonly Regex s_activeRun = new(
        @"[Tt]hread\s+(?<thread>\S+)\s+already has an active run\s+(?<run>[^\s.]+)|messages to\s+(?<thread>\S+)\s+while a run\s+(?<run>\S+)\s+is active",
        RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture,
        TimeSpan.FromSeconds(1));

    /// <summary>
    /// Builds the exception with every secret in <paramref name="secrets"/> masked: in the body before it is parsed
    /// or kept (so the raw body, the error object and the message are clean), and in the final message.
    /// </summary>
    public static AssistantsApiException Create(ResponseInfo response, byte[] body, string method, string path, SecretRedactor secrets)
    {
        body = secrets.Redact(body);
        string? raw = body.Length == 0 ? null : secrets.Redact(Decode(body));
        ApiError? error = secrets.Redact(TryParseError(body));
        string summary = error?.Message ?? (raw is null ? response.StatusCode.ToString() : Excerpt(raw, 200));
        string message = string.Format(
            CultureInfo.InvariantCulture,
            "{0} {1} failed with {2} ({3}){4}: {5}{6}",
            method,
            path,
            (int)response.StatusCode,
            response.StatusCode,
            error?.Code is { } code ? " [" + code + "]" : string.Empty,
            summary,
            response.RequestId is { } id ? " (request id: " + id + ")" : string.Empty);
        message = secrets.Redact(message);

        return response.StatusCode switch
        {
            // A 404 without the protocol's error envelope comes from a server or proxy that has no such route.
            HttpStatusCode.NotFound when error is null => new OperationNotSupportedException(message, error, response, raw),
            HttpStatusCode.NotFound => new ResourceNotFoundException(message, error, response, raw),
            HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden => new AuthenticationFailedException(message, error, response, raw),
            (HttpStatusCode)429 => new RateLimitExceededException(message, error, response, raw, RetryAfter.From(response)),
            HttpStatusCode.MethodNotAllowed or HttpStatusCode.NotImplemented => new OperationNotSupportedException(message, error, response, raw),
            HttpStatusCode.BadRequest or HttpStatusCode.Conflict when error?.Message is { } text && s_activeRun.Match(text) is { Success: true } m
                => new ActiveRunException(message, error, response, raw, m.Groups["thread"].Value, m.Groups["run"].Value),
            _ => new AssistantsApiException(message, error, response, raw),
        };
    }

    /// <summary>Reads the error envelope <c>{"error": {...}}</c>, or a bare error object; anything else yields <c>null</c>.</summary>
    public static ApiError? TryParseError(ReadOnlySpan<byte> body)
    {
        // Only an object can be an error envelope; anything else (an HTML page, say) is not copied to be parsed.
        int start = 0;
        while (start < body.Length && body[start] is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n')
        {
            start++;
        }

        if (start == body.Length || body[start] != (byte)'{')
        {
            return null;
        }

        try
        {
            using JsonDocument document = JsonDocument.Parse(body.ToArray());
            JsonElement root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return null;
            }

            JsonElement candidate = root.TryGetProperty("error", out JsonElement inner) && inner.ValueKind == JsonValueKind.Object ? inner : root;
            if (!candidate.TryGetProperty("message", out _) && !candidate.TryGetProperty("code", out _))
            {
                return null;
            }

            return candidate.Deserialize(AssistantsJsonContext.Default.ApiError);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    // The body is already capped at ErrorBody.Limit bytes, so the text is bounded too.
    private static string Decode(byte[] body) => Encoding.UTF8.GetString(body);

    public static string Excerpt(string text, int max)
        => text.Length <= max ? text : text.Substring(0, max) + "...";
}
