using System;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using System.Threading;
using System.Threading.Tasks;

namespace Assistants.Client.Internal;

/// <summary>
/// The one request path every sub-client shares: URL building, headers, authentication, sending and
/// error mapping. JSON calls, streams and downloads all go through <see cref="SendAsync"/>.
/// </summary>
internal sealed class ClientPipeline
{
    private static readonly string s_userAgent = "Assistants.Client/" + typeof(ClientPipeline).Assembly.GetName().Version?.ToString(3);
    private static readonly MediaTypeHeaderValue s_json = new("application/json");

    private readonly HttpClient _http;
    private readonly AssistantsClientOptions _options;
    private readonly string _baseUrl;

    public ClientPipeline(HttpClient http, AssistantsClientOptions options)
    {
        _http = http;
        _options = options;
        string baseUrl = options.BaseUrl.AbsoluteUri;
        _baseUrl = baseUrl.EndsWith("/", StringComparison.Ordinal) ? baseUrl : baseUrl + "/";
    }

    public AssistantsClientOptions Options => _options;

    public Uri BuildUri(string path, QueryBuilder? query)
    {
        StringBuilder builder = new(_baseUrl.Length + path.Length + 64);
        builder.Append(_baseUrl).Append(path);
        query ??= new QueryBuilder();
        if (!string.IsNullOrEmpty(_options.ApiVersion))
        {
            query.Add("api-version", _options.ApiVersion);
        }

        query.AppendTo(builder);
        return new Uri(builder.ToString());
    }

    public HttpRequestMessage CreateRequest(HttpMethod method, string path, QueryBuilder? query = null, HttpContent? content = null)
    {
        HttpRequestMessage request = new(method, BuildUri(path, query)) { Content = content };
        request.Headers.Accept.ParseAdd("application/json");
        request.Headers.TryAddWithoutValidation("User-Agent", _options.UserAgent ?? s_userAgent);
        if (!string.IsNullOrEmpty(_options.BetaHeader))
        {
            request.Headers.TryAddWithoutValidation("OpenAI-Beta", _options.BetaHeader);
        }

        if (!string.IsNullOrEmpty(_options.Organization))
        {
            request.Headers.TryAddWithoutValidation("OpenAI-Organization", _options.Organization);
        }

        if (!string.IsNullOrEmpty(_options.Project))
        {
            request.Headers.TryAddWithoutValidation("OpenAI-Project", _options.Project);
        }

        foreach (var header in _options.DefaultHeaders)
        {
            request.Headers.Remove(header.Key);
            request.Headers.TryAddWithoutValidation(header.Key, header.Value);
        }

        return request;
    }

    public static ByteArrayContent JsonContent<T>(T body, JsonTypeInfo<T> typeInfo)
    {
        ByteArrayContent content = new(JsonSerializer.SerializeToUtf8Bytes(body, typeInfo));
        content.Headers.ContentType = s_json;
        return content;
    }

    /// <summary>Sends a request; an error status becomes an exception after its body is read. The caller owns the returned response.</summary>
    public async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, HttpCompletionOption completion, RetrySafety safety, CancellationToken cancellationToken)
    {
        _ = safety;
        await AuthenticateAsync(request, cancellationToken).ConfigureAwait(false);
        HttpResponseMessage response = await _http.SendAsync(request, completion, cancellationToken).ConfigureAwait(false);
        if (response.IsSuccessStatusCode)
        {
            return response;
        }

        using (response)
        {
            byte[] body = response.Content is null
                ? Array.Empty<byte>()
                : await ReadBytesAsync(response.Content, cancellationToken).ConfigureAwait(false);
            throw ApiErrorFactory.Create(ResponseInfo.From(response), body, request.Method.Method, request.RequestUri!.AbsolutePath);
        }
    }

    /// <summary>Builds, sends and reads one JSON call: the shape of every non-streaming operation.</summary>
    public Task<T> CallAsync<T>(HttpMethod method, string path, HttpContent? content, JsonTypeInfo<T> typeInfo, RetrySafety safety, CancellationToken cancellationToken, QueryBuilder? query = null)
        where T : class
        => SendJsonAsync(CreateRequest(method, path, query, content), typeInfo, safety, cancellationToken);

    /// <summary>Sends a request and reads its JSON body into <typeparamref name="T"/>.</summary>
    public async Task<T> SendJsonAsync<T>(HttpRequestMessage request, JsonTypeInfo<T> typeInfo, RetrySafety safety, CancellationToken cancellationToken)
        where T : class
    {
        using (request)
        using (HttpResponseMessage response = await SendAsync(request, HttpCompletionOption.ResponseContentRead, safety, cancellationToken).ConfigureAwait(false))
        {
            ResponseInfo info = ResponseInfo.From(response);
            byte[] body = await ReadBytesAsync(response.Content, cancellationToken).ConfigureAwait(false);
            T value = Deserialize(body, typeInfo, info, request);
            if (value is ApiObject apiObject)
            {
                apiObject.Response = info;
            }

            return value;
        }
    }

    private static T Deserialize<T>(byte[] body, JsonTypeInfo<T> typeInfo, ResponseInfo info, HttpRequestMessage request)
        where T : class
    {
        try
        {
            return JsonSerializer.Deserialize(body, typeInfo)
                ?? throw new JsonException("The body is the JSON literal null.");
        }
        catch (JsonException ex)
        {
            string text = Encoding.UTF8.GetString(body, 0, Math.Min(body.Length, 400));
            throw new AssistantsApiException(
                $"{request.Method.Method} {request.RequestUri!.AbsolutePath} returned a body that is not a valid {typeof(T).Name}: {ex.Message} Body starts: {ApiErrorFactory.Excerpt(text, 200)}"
                    + (info.RequestId is { } id ? $" (request id: {id})" : string.Empty),
                null,
                info,
                text,
                ex);
        }
    }

    private static async Task<byte[]> ReadBytesAsync(HttpContent content, CancellationToken cancellationToken)
    {
#if NET5_0_OR_GREATER
        return await content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
#else
        cancellationToken.ThrowIfCancellationRequested();
        return await content.ReadAsByteArrayAsync().ConfigureAwait(false);
#endif
    }

    private async ValueTask AuthenticateAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        string? credential = _options.TokenProvider is { } provider
            ? await provider(cancellationToken).ConfigureAwait(false)
            : _options.ApiKey;
        if (string.IsNullOrEmpty(credential) || _options.AuthenticationScheme == AuthenticationScheme.None)
        {
            return;
        }

        Uri uri = request.RequestUri!;
        if (uri.Scheme == Uri.UriSchemeHttp && !uri.IsLoopback && !_options.AllowInsecureHttp)
        {
            throw new InvalidOperationException(
                $"Refusing to send credentials over plain http to '{uri.Host}'. Use https, a loopback address, or set {nameof(AssistantsClientOptions)}.{nameof(AssistantsClientOptions.AllowInsecureHttp)}.");
        }

        if (_options.AuthenticationScheme == AuthenticationScheme.ApiKeyHeader)
        {
            request.Headers.Remove("api-key");
            request.Headers.TryAddWithoutValidation("api-key", credential);
        }
        else
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", credential);
        }
    }
}
