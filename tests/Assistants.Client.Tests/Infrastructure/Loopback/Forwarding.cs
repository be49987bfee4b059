using System;
using System.Collections.Generic;
using System.IO;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace Assistants.Client.Tests.Loopback;

/// <summary>
/// Makes a <see cref="LoopbackServer"/> a proxy in front of an in-process handler (the embedded server's): every
/// request is forwarded and its answer copied back, and the first event stream can be cut after a chosen event
/// (the connection is aborted, as a proxy timeout or a deploy would), so a client meets a real broken socket.
/// </summary>
internal sealed class Forwarding
{
    private readonly HttpMessageHandler _upstream;
    private int _streams;
    private StreamCut? _cut;

    public Forwarding(HttpMessageHandler upstream) => _upstream = upstream;

    /// <summary>Gets or sets the cut applied to the first event stream; <c>null</c> forwards every stream whole.</summary>
    public StreamCut? Cut
    {
        get => _cut;
        set
        {
            _cut = value;
            _streams = 0;
        }
    }

    /// <summary>Gets the names of the events the client was sent on the cut stream, in order.</summary>
    public List<string> Forwarded { get; } = new();

    /// <summary>Gets a value indicating whether a stream was cut.</summary>
    public bool DidCut { get; private set; }

    public async Task HandleAsync(HttpContext context)
    {
        using HttpRequestMessage request = new(new HttpMethod(context.Request.Method), "http://localhost" + context.Request.Path + context.Request.QueryString);
        if (context.Request.ContentLength > 0 || context.Request.Headers.ContainsKey("Transfer-Encoding"))
        {
            using MemoryStream body = new();
            await context.Request.Body.CopyToAsync(body, context.RequestAborted);
            request.Content = new ByteArrayContent(body.ToArray());
        }

        foreach (KeyValuePair<string, Microsoft.Extensions.Primitives.StringValues> header in context.Request.Headers)
        {
            if (header.Key is "Host" or "Content-Length" or "Transfer-Encoding" or "Connection")
            {
                continue;
            }

            if (!request.Headers.TryAddWithoutValidation(header.Key, (IEnumerable<string>)header.Value))
            {
                request.Content?.Headers.TryAddWithoutValidation(header.Key, (IEnumerable<string>)header.Value);
            }
        }

        using HttpMessageInvoker invoker = new(_upstream, disposeHandler: false);
        using HttpResponseMessage response = await invoker.SendAsync(request, context.RequestAborted);
        context.Response.StatusCode = (int)response.StatusCode;
        foreach (KeyValuePair<string, IEnumerable<string>> header in response.Headers)
        {
            context.Response.Headers[header.Key] = new Microsoft.Extensions.Primitives.StringValues([.. header.Value]);
        }

        foreach (KeyValuePair<string, IEnumerable<string>> header in response.Content.Headers)
        {
            if (header.Key != "Content-Length")
            {
                context.Response.Headers[header.Key] = new Microsoft.Extensions.Primitives.StringValues([.. header.Value]);
            }
        }

        Stream upstreamBody = await response.Content.ReadAsStreamAsync(context.RequestAborted);
        bool eventStream = response.Content.Headers.ContentType?.MediaType == "text/event-stream";
        StreamCut? cut = eventStream && Interlocked.Increment(ref _streams) == 1 ? Cut : null;
        if (cut is null)
        {
            await upstreamBody.CopyToAsync(context.Response.Body, context.RequestAborted);
            return;
        }

        await context.Response.StartAsync(context.RequestAborted);
        await context.Response.Body.FlushAsync(context.RequestAborted);
        await ForwardUntilCutAsync(context, upstreamBody, cut);
    }

    private async Task ForwardUntilCutAsync(HttpContext context, Stream upstream, StreamCut cut)
    {
        StringBuilder pending = new();
        byte[] buffer = new byte[16 * 1024];
        int seen = 0;
        int read;
        while ((read = await upstream.ReadAsync(buffer, context.RequestAborted)) > 0)
        {
            pending.Append(Encoding.UTF8.GetString(buffer, 0, read));
            int end;
            while ((end = pending.ToString().IndexOf("\n\n", StringComparison.Ordinal)) >= 0)
            {
                string frame = pending.ToString(0, end + 2);
                pending.Remove(0, end + 2);
                string name = frame.StartsWith("event: ", StringComparison.Ordinal) ? frame[7..frame.IndexOf('\n')] : "message";
                if (cut.AfterEvent is null || seen >= cut.Occurrence)
                {
                    // The cut: optionally half of this event, then the connection drops.
                    if (cut.MidEvent)
                    {
                        await context.Response.Body.WriteAsync(Encoding.UTF8.GetBytes(frame[..(frame.Length / 2)]), context.RequestAborted);
                        await context.Response.Body.FlushAsync(context.RequestAborted);
                    }

                    // Aborting drops what Kestrel has not sent yet: wait until the client confirms it got the events before the cut.
                    if (cut.Gate is not null)
                    {
                        await cut.Gate.WaitAsync(TimeSpan.FromSeconds(30));
                    }

                    DidCut = true;
                    context.Abort();
                    return;
                }

                await context.Response.Body.WriteAsync(Encoding.UTF8.GetBytes(frame), context.RequestAborted);
                await context.Response.Body.FlushAsync(context.RequestAborted);
                Forwarded.Add(name);
                if (name == cut.AfterEvent)
                {
                    seen++;
                }
            }
        }
    }
}

/// <summary>Where <see cref="Forwarding"/> cuts the first event stream.</summary>
/// <param name="AfterEvent">The event name counted; <c>null</c> cuts before the first event.</param>
/// <param name="Occurrence">How many of those events are forwarded before the cut.</param>
/// <param name="MidEvent">Whether the first half of the next event is sent before the connection drops.</param>
/// <param name="Gate">Completes when the client received everything sent before the cut (the proxy cannot see that itself).</param>
internal sealed record StreamCut(string? AfterEvent, int Occurrence = 0, bool MidEvent = false, Task? Gate = null);
