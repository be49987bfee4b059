using System;
using System.Buffers;
using System.Collections.Generic;
using System.IO;
using System.IO.Pipelines;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using Assistants.Server.Http;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Primitives;

namespace Assistants.Server.Hosting;

/// <summary>Carries an ASP.NET Core request to the server and its answer back, flushing streamed events as they come.</summary>
internal static class HttpContextBridge
{
    /// <summary>A body that never waits (a large file) is still sent, and held in memory, this much at a time.</summary>
    private const int MaxUnflushedBytes = 64 * 1024;

    public static async Task HandleAsync(HttpContext context, AssistantsServer server)
    {
        HttpRequest source = context.Request;
        using var request = new HttpRequestMessage(new HttpMethod(source.Method), new Uri("http://localhost" + source.PathBase + source.Path + source.QueryString));
        bool hasBody = context.Features.Get<IHttpRequestBodyDetectionFeature>()?.CanHaveBody ?? source.ContentLength > 0;
        if (hasBody)
        {
            // The server bounds the body itself (AssistantsServerOptions.MaxRequestBodyBytes, MaxUploadBytes) and
            // answers 413 with its envelope; Kestrel's own 30 MB default would cut uploads short with an empty 500.
            if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } bodySize)
            {
                bodySize.MaxRequestBodySize = null;
            }

            request.Content = new StreamContent(source.Body);
        }

        foreach (KeyValuePair<string, StringValues> header in source.Headers)
        {
            if (header.Value.Count == 1)
            {
                if (!request.Headers.TryAddWithoutValidation(header.Key, header.Value[0]))
                {
                    request.Content?.Headers.TryAddWithoutValidation(header.Key, header.Value[0]);
                }
            }
            else if (!request.Headers.TryAddWithoutValidation(header.Key, (IEnumerable<string?>)header.Value))
            {
                request.Content?.Headers.TryAddWithoutValidation(header.Key, (IEnumerable<string?>)header.Value);
            }
        }

        IPAddress? local = context.Connection.LocalIpAddress;
        local = local is { IsIPv4MappedToIPv6: true } ? local.MapToIPv4() : local;
        var origin = new RequestOrigin(OverSocket: local is not null, LoopbackConnection: local is null || IPAddress.IsLoopback(local));
        using HttpResponseMessage response = await server.SendAsync(request, origin, context.RequestAborted).ConfigureAwait(false);
        context.Response.StatusCode = (int)response.StatusCode;
        foreach (KeyValuePair<string, HeaderStringValues> header in response.Headers.NonValidated)
        {
            context.Response.Headers[header.Key] = Values(header.Value);
        }

        foreach (KeyValuePair<string, HeaderStringValues> header in response.Content.Headers.NonValidated)
        {
            context.Response.Headers[header.Key] = Values(header.Value);
        }

        context.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();
        Stream body = await response.Content.ReadAsStreamAsync(context.RequestAborted).ConfigureAwait(false);
        await using (body.ConfigureAwait(false))
        {
            // What is written goes out when the body has nothing more to give right away (a streamed run waiting for
            // its next event): events already queued, and the end of a run that has finished, share one send.
            PipeWriter writer = context.Response.BodyWriter;
            byte[] buffer = ArrayPool<byte>.Shared.Rent(16 * 1024);
            try
            {
                int unflushed = 0;
                while (true)
                {
                    ValueTask<int> reading = body.ReadAsync(buffer, context.RequestAborted);
                    if (unflushed > 0 && (!reading.IsCompleted || unflushed >= MaxUnflushedBytes))
                    {
                        await writer.FlushAsync(context.RequestAborted).ConfigureAwait(false);
                        unflushed = 0;
                    }

                    int read = await reading.ConfigureAwait(false);
                    if (read == 0)
                    {
                        break;
                    }

                    writer.Write(buffer.AsSpan(0, read));
                    unflushed += read;
                }
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(buffer);
            }
        }
    }

    private static StringValues Values(HeaderStringValues values) => values.Count == 1 ? new StringValues(values.ToString()) : new StringValues([.. values]);
}
