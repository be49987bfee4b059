using System;
using System.Collections.Generic;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace Assistants.Client.Tests;

/// <summary>
/// An in-memory server over <see cref="GeneratedBodies"/> that answers synchronously (so a whole call stays on the
/// caller's thread and its bytes can be counted with <see cref="GC.GetAllocatedBytesForCurrentThread"/>):
/// <c>GET .../runs/{id}</c> gives the run, <c>GET .../messages</c> gives pages of <see cref="PageSize"/> of
/// <see cref="MessageCount"/> messages following <c>after</c>, and <c>POST .../runs</c> streams the short run. Every
/// answer carries the headers a real one does (request id, processing time, version).
/// </summary>
internal sealed class GeneratedServer : HttpMessageHandler
{
    public const int MessageCount = 1000;
    public const int PageSize = 100;

    private readonly byte[] _run = Encoding.UTF8.GetBytes(GeneratedBodies.Run());
    private readonly Dictionary<string, byte[]> _pages = new(StringComparer.Ordinal);
    private readonly byte[] _shortRun;

    public GeneratedServer()
    {
        for (int first = 0; first < MessageCount; first += PageSize)
        {
            string after = first == 0 ? string.Empty : GeneratedBodies.MessageId(first - 1);
            _pages[after] = Encoding.UTF8.GetBytes(GeneratedBodies.MessagePage(first, PageSize, hasMore: first + PageSize < MessageCount));
        }

        (string sse, string text) = GeneratedBodies.ShortRunStream();
        _shortRun = Encoding.UTF8.GetBytes(sse);
        ShortRunText = text;
    }

    /// <summary>Gets the text the short run's deltas add up to.</summary>
    public string ShortRunText { get; }

    /// <summary>Gets the size of the run body.</summary>
    public int RunBytes => _run.Length;

    /// <summary>Gets the size of the first message page.</summary>
    public int PageBytes => _pages[string.Empty].Length;

    public static HttpClient CreateClient(out GeneratedServer server)
    {
        server = new GeneratedServer();
        return new HttpClient(server);
    }

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        string path = request.RequestUri!.AbsolutePath;
        HttpResponseMessage response;
        if (request.Method == HttpMethod.Post && path.EndsWith("/runs", StringComparison.Ordinal))
        {
            StreamContent content = new(new MemoryStream(_shortRun, writable: false), 16 * 1024);
            content.Headers.ContentType = new MediaTypeHeaderValue("text/event-stream");
            response = new HttpResponseMessage(HttpStatusCode.OK) { Content = content };
        }
        else if (path.EndsWith("/messages", StringComparison.Ordinal))
        {
            string query = request.RequestUri.Query;
            int at = query.IndexOf("after=", StringComparison.Ordinal);
            string after = at < 0 ? string.Empty : query.Substring(at + 6, GeneratedBodies.MessageId(0).Length);
            response = Json(_pages[after]);
        }
        else
        {
            response = Json(_run);
        }

        response.RequestMessage = request;
        response.Headers.TryAddWithoutValidation("x-request-id", "req_7f1c2d3e4a5b6c7d8e9f0a1b2c3d4e5f");
        response.Headers.TryAddWithoutValidation("openai-processing-ms", "41");
        response.Headers.TryAddWithoutValidation("openai-version", "2020-10-01");
        return Task.FromResult(response);
    }

    private static HttpResponseMessage Json(byte[] body)
    {
        ByteArrayContent content = new(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return new HttpResponseMessage(HttpStatusCode.OK) { Content = content };
    }
}
