using System.Globalization;
using System.Net;

namespace Assistants.Server.Errors;

/// <summary>The errors of the request entry: keys, Host header, content type and body size. None repeats a key.</summary>
internal static class FrontDoorErrors
{
    public static ApiException MissingApiKey() => new(
        HttpStatusCode.Unauthorized,
        "You didn't provide an API key. You need to provide your API key in an Authorization header using Bearer auth (i.e. Authorization: Bearer YOUR_KEY), or in an api-key header.");

    public static ApiException InvalidApiKey() => new(
        HttpStatusCode.Unauthorized,
        "Incorrect API key provided. Use a key this server was configured with (the Host writes its generated key to its key file).",
        code: "invalid_api_key");

    public static ApiException NoKeysOffLoopback() => new(
        HttpStatusCode.Forbidden,
        "This server has no API keys configured, so it only answers connections to a loopback address. Configure a key to serve other addresses.",
        code: "unauthorized_network");

    public static ApiException InvalidHost(string? host) => new(
        HttpStatusCode.BadRequest,
        $"Invalid Host header '{host}'. This server listens on a loopback address and only answers requests addressed to localhost, 127.0.0.1 or [::1].",
        code: "invalid_host");

    public static ApiException UnsupportedMediaType(string? mediaType, string expected) => new(
        HttpStatusCode.UnsupportedMediaType,
        mediaType is null
            ? $"Missing Content-Type header. This request's body must be sent as {expected}."
            : $"Unsupported Content-Type '{mediaType}'. This request's body must be sent as {expected}.",
        code: "unsupported_media_type");

    public static ApiException BodyTooLarge(long limit) => new(
        HttpStatusCode.RequestEntityTooLarge,
        string.Create(CultureInfo.InvariantCulture, $"The request body is too large. This server accepts request bodies of at most {limit} bytes."),
        code: "request_too_large");

    public static ApiException UploadTooLarge(long limit) => new(
        HttpStatusCode.RequestEntityTooLarge,
        string.Create(CultureInfo.InvariantCulture, $"The file is too large. This server accepts uploads of at most {limit} bytes."),
        "file",
        "file_too_large",
        withDetail: true);
}
