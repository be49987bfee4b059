using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace Assistants.Client.Tests;

/// <summary>Records every request (method, URI, headers, body) before passing it to the mock.</summary>
internal sealed class CapturingHandler : DelegatingHandler
{
    public CapturingHandler(HttpMessageHandler inner)
        : base(inner)
    {
    }

    public List<CapturedRequest> Requests { get; } = new();

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Dictionary<string, string> headers = new(StringComparer.OrdinalIgnoreCase);
        foreach (var header in request.Headers)
        {
            headers[header.Key] = string.Join(",", header.Value);
        }

        string? body = null;
        string? contentType = null;
        if (request.Content is not null)
        {
            await request.Content.LoadIntoBufferAsync(cancellationToken);
            body = await request.Content.ReadAsStringAsync(cancellationToken);
            contentType = request.Content.Headers.ContentType?.ToString();
            foreach (var header in request.Content.Headers)
            {
                headers[header.Key] = string.Join(",", header.Value.ToArray());
            }
        }

        lock (Requests)
        {
            Requests.Add(new CapturedRequest(request.Method, request.RequestUri!.AbsoluteUri, headers, body, contentType));
        }

        return await base.SendAsync(request, cancellationToken);
    }
}
