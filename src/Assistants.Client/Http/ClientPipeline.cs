using System;
using System.Globalization;
using System.Linq;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Assistants.Client.Internal;

/// <summary>
/// The one request path every sub-client shares: URL building, headers, authentication, retries, timeouts,
/// logging, sending and error mapping. JSON calls, streams and downloads all go through <see cref="SendAsync"/>.
/// </summary>
internal sealed partial class ClientPipeline
{
    private static readonly string s_userAgent = "Assistants.Client/" + typeof(ClientPipeline).Assembly.GetName().Version?.ToString(3);

    private readonly HttpClient _http;
    private readonly AssistantsClientOptions _options;
    private readonly string _baseUrl;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;
    private readonly RetryPolicy _retry;
    private readonly SecretRedactor _secrets;

    public ClientPipeline(HttpClient http, AssistantsClientOptions options)
    {
        _http = http;
        _options = options;
        string baseUrl = options.BaseUrl!.AbsoluteUri;
        _baseUrl = baseUrl.EndsWith("/", StringComparison.Ordinal) ? baseUrl : baseUrl + "/";
        options.Retry.Validate();
        options.Timeouts.Validate();
        _timeProvider = options.TimeProvider;
        _secrets = new SecretRedactor(options);
        _logger = options.LoggerFactory?.CreateLogger(Log.Category) is { } logger ? new RedactingLogger(logger, _secrets) : NullLogger.Instance;
        _retry = new RetryPolicy(options.Retry, _timeProvider, _logger);
    }

    public AssistantsClientOptions Options => _options;

    public HttpClient HttpClient => _http;

    /// <summary>Gets the clock for every delay and timeout (the options' <see cref="AssistantsClientOptions.TimeProvider"/>).</summary>
    public TimeProvider TimeProvider => _timeProvider;

    /// <summary>Gets the library's logger (a no-op one when the options name no logger factory); write to it through <see cref="Log"/>.</summary>
    public ILogger Logger => _logger;

    /// <summary>Gets the client's secrets, masked in every exception, exposed header and log line (see <see cref="SecretRedactor"/>).</summary>
    public SecretRedactor Secrets => _secrets;

    public Uri BuildUri(string path, QueryBuilder? query)
    {
        if (query is null && string.IsNullOrEmpty(_options.ApiVersion))
        {
            return new Uri(_baseUrl + path);
        }

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

    /// <summary>Builds a request for <paramref name="operation"/> (its method) with the client's headers.</summary>
    /// <exception cref="OperationNotSupportedException">The profile's capability table does not list <paramref name="operation"/> (nothing is sent).</exception>
    public HttpRequestMessage CreateRequest(ApiOperation operation, string path, QueryBuilder? query = null, HttpContent? content = null)
    {
        if (_options.Profile is { } profile && !profile.Serves(operation))
        {
            throw OperationNotSupportedException.ForProfile(profile.Name, operation.Name, operation.Method.Method, operation.PathTemplate);
        }

        HttpRequestMessage request = new(operation.Method, BuildUri(path, query)) { Content = content };
        if (content is not null)
        {
            // Never Expect: 100-continue: a body held back for the server's go-ahead is one it may never get, and one
            // less round trip during which a create could be seen by the server yet fail on the client.
            request.Headers.ExpectContinue = false;
        }

        // Added unparsed (like User-Agent): the typed Accept collection parses into header-value objects on every call.
        request.Headers.TryAddWithoutValidation("Accept", "application/json");
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

    public static JsonBody JsonContent<T>(T body, JsonTypeInfo<T> typeInfo)
        => new(JsonSerializer.SerializeToUtf8Bytes(body, typeInfo));

    /// <summary>
    /// Sends a request with retries and timeouts; an error status becomes an exception after its body is read.
    /// With <see cref="HttpCompletionOption.ResponseContentRead"/> the body is buffered within
    /// <see cref="TimeoutOptions.Total"/>; with <see cref="HttpCompletionOption.ResponseHeadersRead"/> (streams) the
    /// call returns at the headers and the body is never part of a retry. Whether a failed attempt is sent again is
    /// <paramref name="operation"/>'s retry class (see <see cref="ApiOperations"/>); the request body is never copied
    /// for it (see <see cref="IReplayableContent"/>). The caller owns the returned response.
    /// </summary>
    public Task<HttpResponseMessage> SendAsync(ApiOperation operation, HttpRequestMessage request, HttpCompletionOption completion, CancellationToken cancellationToken)
        => SendCoreAsync(operation, new Attempt(request, completion == HttpCompletionOption.ResponseHeadersRead ? BodyMode.Stream : BodyMode.Buffer), cancellationToken);

    private async Task<HttpResponseMessage> SendCoreAsync(ApiOperation operation, Attempt attempt, CancellationToken cancellationToken)
    {
        HttpRequestMessage request = attempt.Request;
        if (operation.Retry == RetrySafety.NotAfterSend && request.Content is null)
        {
            // The socket handler itself re-sends a bodiless request whose kept-alive connection was found closed.
            throw new InvalidOperationException($"{operation.Name} must carry a body (the socket handler may re-send a bodiless request on its own).");
        }

        bool streaming = attempt.Mode == BodyMode.Stream;
        string method = request.Method.Method;
        string path = request.RequestUri!.AbsolutePath;
        using TimeoutScope total = new(streaming ? Timeout.InfiniteTimeSpan : _options.Timeouts.Total, _timeProvider, cancellationToken);
        try
        {
            HttpResponseMessage response = await _retry.ExecuteAsync(
                static (state, number, ct) => state.Pipeline.SendAttemptAsync(state.Attempt, number, ct),
                (Pipeline: this, Attempt: attempt),
                operation,
                request.Content,
                path,
                total.Token).ConfigureAwait(false);
            if (response.IsSuccessStatusCode)
            {
                return response;
            }

            using (response)
            {
                // Only the final answer's error body is read (up to ErrorBody.Limit); a retried attempt's is dropped unread.
                await ErrorBody.CapAsync(response, total.Token).ConfigureAwait(false);
                byte[] errorBody = response.Content is ErrorBody.Content capped ? capped.Bytes : Array.Empty<byte>();
                throw ApiErrorFactory.Create(ResponseInfo.From(response, _secrets), errorBody, method, path, _secrets);
            }
        }
        catch (OperationCanceledException ex) when (total.Fired && !cancellationToken.IsCancellationRequested)
        {
            Log.TimeoutFired(_logger, method, path, AssistantsTimeoutKind.Total, total.Limit.TotalMilliseconds);
            throw new AssistantsTimeoutException(
                string.Format(CultureInfo.InvariantCulture, "{0} {1} did not complete within {2:0.###} s (Timeouts.Total).", method, path, total.Limit.TotalSeconds),
                AssistantsTimeoutKind.Total,
                total.Limit,
                ex);
        }
    }

    /// <summary>Starts the idle timeout of a stream read with <paramref name="cancellationToken"/> (see <see cref="StreamIdleTimeout"/>).</summary>
    public StreamIdleTimeout StartStreamIdleTimeout(CancellationToken cancellationToken)
        => new(_options.Timeouts.StreamIdle, _timeProvider, cancellationToken);

    private async Task<HttpResponseMessage> SendAttemptAsync(Attempt attempt, int number, CancellationToken cancellationToken)
    {
        HttpRequestMessage request = number == 0 ? attempt.Request : RequestCopy.Create(attempt.Request);
        string method = request.Method.Method;
        string path = request.RequestUri!.AbsolutePath;
        await AuthenticateAsync(request, cancellationToken).ConfigureAwait(false);
        long started = _timeProvider.GetTimestamp();
        HttpResponseMessage response;
        using (TimeoutScope headers = new(_options.Timeouts.ResponseHeaders, _timeProvider, cancellationToken))
        {
            try
            {
                response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, headers.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException ex) when (headers.Fired && !cancellationToken.IsCancellationRequested)
            {
                Log.TimeoutFired(_logger, method, path, AssistantsTimeoutKind.ResponseHeaders, headers.Limit.TotalMilliseconds);
                throw new AssistantsTimeoutException(
                    string.Format(CultureInfo.InvariantCulture, "{0} {1} received no response headers within {2:0.###} s (Timeouts.ResponseHeaders).", method, path, headers.Limit.TotalSeconds),
                    AssistantsTimeoutKind.ResponseHeaders,
                    headers.Limit,
                    ex);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                double failedAfter = _timeProvider.GetElapsedTime(started).TotalMilliseconds;
                string errorType = ex.GetType().Name;
                Log.RequestFailed(_logger, method, path, failedAfter, number + 1, errorType);
                throw;
            }
        }

        if (_logger.IsEnabled(LogLevel.Debug))
        {
            double elapsed = _timeProvider.GetElapsedTime(started).TotalMilliseconds;
            string? requestId = GetRequestId(response);
            Log.RequestSent(_logger, method, path, (int)response.StatusCode, elapsed, number + 1, requestId);
        }

        if (attempt.Mode != BodyMode.Stream && response.IsSuccessStatusCode)
        {
            try
            {
                if (attempt.Mode == BodyMode.Pooled)
                {
                    attempt.SetBody(await PooledBody.ReadAsync(response, cancellationToken).ConfigureAwait(false));
                }
                else
                {
                    await BufferAsync(response, cancellationToken).ConfigureAwait(false);
                }
            }
            catch
            {
                response.Dispose();
                throw;
            }
        }

        return response;
    }

    /// <summary>Builds, sends and reads one JSON call: the shape of every non-streaming operation.</summary>
    public Task<T> CallAsync<T>(ApiOperation operation, string path, HttpContent? content, JsonTypeInfo<T> typeInfo, CancellationToken cancellationToken, QueryBuilder? query = null)
        where T : class
        => SendJsonAsync(operation, CreateRequest(operation, path, query, content), typeInfo, cancellationToken);

    /// <summary>Sends a request built for <paramref name="operation"/> and reads its JSON body into <typeparamref name="T"/>.</summary>
    public async Task<T> SendJsonAsync<T>(ApiOperation operation, HttpRequestMessage request, JsonTypeInfo<T> typeInfo, CancellationToken cancellationToken)
        where T : class
    {
        // The body is read once, inside the attempt (a body cut off is retried like any failed attempt), into a pooled
        // buffer the model is deserialized from.
        Attempt attempt = new(request, BodyMode.Pooled);
        using (request)
        using (HttpResponseMessage response = await SendCoreAsync(operation, attempt, cancellationToken).ConfigureAwait(false))
        {
            try
            {
                return ReadModel(response, ResponseInfo.From(response, _secrets), attempt.Body, request, typeInfo);
            }
            finally
            {
                PooledBody.Return(attempt.Body);
            }
        }
    }

    /// <summary>Reads a successful JSON answer that was not read yet (a stream request answered with JSON).</summary>
    private async Task<T> ReadModelAsync<T>(HttpResponseMessage response, ResponseInfo info, HttpRequestMessage request, JsonTypeInfo<T> typeInfo, CancellationToken cancellationToken)
        where T : class
    {
        ArraySegment<byte> body = await PooledBody.ReadAsync(response, cancellationToken).ConfigureAwait(false);
        try
        {
            return ReadModel(response, info, body, request, typeInfo);
        }
        finally
        {
            PooledBody.Return(body);
        }
    }

    /// <summary>Deserializes a successful JSON answer into <typeparamref name="T"/>, with its response metadata attached.</summary>
    private T ReadModel<T>(HttpResponseMessage response, ResponseInfo info, ArraySegment<byte> body, HttpRequestMessage request, JsonTypeInfo<T> typeInfo)
        where T : class
    {
        EnsureJsonContentType(response, info, body, request);
        T value = Deserialize(body, typeInfo, info, request, _secrets);
        if (value is ApiObject apiObject)
        {
            apiObject.Response = info;
        }

        return value;
    }

    // A successful body is not redacted (it is the caller's data, and a secret in it is the server's doing); a body
    // that fails to parse becomes an exception, and only then are the client's secrets masked.
    private static T Deserialize<T>(ArraySegment<byte> body, JsonTypeInfo<T> typeInfo, ResponseInfo info, HttpRequestMessage request, SecretRedactor secrets)
        where T : class
    {
        try
        {
            return JsonSerializer.Deserialize(body.AsSpan(), typeInfo)
                ?? throw new JsonException("The body is the JSON literal null.");
        }
        catch (JsonException ex)
        {
            ReadOnlySpan<byte> clean = secrets.Redact(body.AsSpan());
            string text = Encoding.UTF8.GetString(clean.Slice(0, Math.Min(clean.Length, 400)).ToArray());
            throw new AssistantsApiException(
                secrets.Redact($"{request.Method.Method} {request.RequestUri!.AbsolutePath} returned a body that is not a valid {typeof(T).Name}: {ex.Message} Body starts: {ApiErrorFactory.Excerpt(text, 200)}"
                    + (info.RequestId is { } id ? $" (request id: {id})" : string.Empty)),
                null,
                info,
                text,
                secrets.Redact(ex));
        }
    }

    private static async Task BufferAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (response.Content is null)
        {
            return;
        }

#if NET9_0_OR_GREATER
        await response.Content.LoadIntoBufferAsync(cancellationToken).ConfigureAwait(false);
#else
        using (cancellationToken.Register(static r => ((HttpResponseMessage)r!).Dispose(), response))
        {
            try
            {
                await response.Content.LoadIntoBufferAsync().ConfigureAwait(false);
            }
            catch (Exception ex) when (cancellationToken.IsCancellationRequested && ex is not OperationCanceledException)
            {
                throw new OperationCanceledException(null, ex, cancellationToken);
            }
        }
#endif
    }

    private static string? GetRequestId(HttpResponseMessage response)
        => response.Headers.TryGetValues("x-request-id", out var values) || response.Headers.TryGetValues("apim-request-id", out values)
            ? values.FirstOrDefault()
            : null;

    private async ValueTask AuthenticateAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        string? credential = _options.TokenProvider is { } provider
            ? await provider(cancellationToken).ConfigureAwait(false)
            : _options.ApiKey;
        if (string.IsNullOrEmpty(credential) || _options.AuthenticationScheme == AuthenticationScheme.None)
        {
            return;
        }

        if (_options.TokenProvider is not null)
        {
            _secrets.Remember(credential);
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

    /// <summary>What an attempt does with a successful body: leave it to the caller (a stream), let <see cref="HttpContent"/> buffer it, or read it into a pooled buffer.</summary>
    private enum BodyMode
    {
        Stream,
        Buffer,
        Pooled,
    }

    private sealed class Attempt
    {
        public Attempt(HttpRequestMessage request, BodyMode mode)
        {
            Request = request;
            Mode = mode;
        }

        public HttpRequestMessage Request { get; }

        public BodyMode Mode { get; }

        /// <summary>Gets the body read by the successful attempt (<see cref="BodyMode.Pooled"/>).</summary>
        public ArraySegment<byte> Body { get; private set; }

        public void SetBody(ArraySegment<byte> body)
        {
            PooledBody.Return(Body);
            Body = body;
        }
    }
}
