using System;
using System.Buffers;
using System.Security.Cryptography;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace Assistants.Client.Tests.Loopback;

/// <summary>What a misbehaving server does, as building blocks for <see cref="LoopbackServer"/> handlers.</summary>
internal static class Faults
{
    /// <summary>Reads the whole request body into one pooled buffer and discards it; returns its length.</summary>
    public static async Task<long> DrainBodyAsync(HttpContext context)
    {
        byte[] buffer = ArrayPool<byte>.Shared.Rent(64 * 1024);
        try
        {
            long total = 0;
            int read;
            while ((read = await context.Request.Body.ReadAsync(buffer, context.RequestAborted).ConfigureAwait(false)) > 0)
            {
                total += read;
            }

            return total;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>Answers with a JSON body and the given status (and an <c>x-request-id</c>).</summary>
    public static async Task JsonAsync(HttpContext context, int status, string json, params (string Name, string Value)[] headers)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        context.Response.Headers["x-request-id"] = "req_loopback";
        foreach ((string name, string value) in headers)
        {
            context.Response.Headers[name] = value;
        }

        byte[] bytes = Encoding.UTF8.GetBytes(json);
        context.Response.ContentLength = bytes.Length;
        await context.Response.Body.WriteAsync(bytes, context.RequestAborted).ConfigureAwait(false);
    }

    /// <summary>Reads the request body to its end, then drops the connection without answering.</summary>
    public static async Task ResetAfterBodyAsync(HttpContext context)
    {
        await DrainBodyAsync(context).ConfigureAwait(false);
        Reset(context);
    }

    /// <summary>Drops the connection at once without an answer (Kestrel aborts the socket).</summary>
    public static void Reset(HttpContext context)
    {
        context.Abort();
    }

    /// <summary>Reads the body, then never answers: the call ends only when the client gives up or the server stops.</summary>
    public static async Task HangAsync(HttpContext context, CancellationToken serverStopping, TaskCompletionSource? received = null)
    {
        await DrainBodyAsync(context).ConfigureAwait(false);
        received?.TrySetResult();
        using CancellationTokenSource linked = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, serverStopping);
        try
        {
            await Task.Delay(Timeout.Infinite, linked.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }
    }

    /// <summary>Writes <paramref name="length"/> bytes of a repeated HTML line with the given status, without holding them in memory.</summary>
    public static async Task LargeBodyAsync(HttpContext context, int status, string contentType, long length)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = contentType;
        context.Response.ContentLength = length;
        byte[] chunk = Encoding.ASCII.GetBytes(new string('x', 8191) + "\n");
        long left = length;
        while (left > 0)
        {
            int n = (int)Math.Min(left, chunk.Length);
            await context.Response.Body.WriteAsync(chunk.AsMemory(0, n), context.RequestAborted).ConfigureAwait(false);
            left -= n;
        }
    }

    /// <summary>Reads the whole request body through one pooled buffer, returning its length and SHA-256 (hex), so a test can compare bodies without keeping them.</summary>
    public static async Task<(long Length, string Sha256)> HashBodyAsync(HttpContext context)
    {
        byte[] buffer = ArrayPool<byte>.Shared.Rent(64 * 1024);
        try
        {
            using IncrementalHash hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            long total = 0;
            int read;
            while ((read = await context.Request.Body.ReadAsync(buffer, context.RequestAborted).ConfigureAwait(false)) > 0)
            {
                hash.AppendData(buffer, 0, read);
                total += read;
            }

            return (total, Convert.ToHexString(hash.GetHashAndReset()));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>Answers a streaming call with an event stream that holds only the final <c>done</c> event.</summary>
    public static async Task SseDoneAsync(HttpContext context)
    {
        context.Response.StatusCode = 200;
        context.Response.ContentType = "text/event-stream";
        await context.Response.WriteAsync("event: done\ndata: [DONE]\n\n", context.RequestAborted).ConfigureAwait(false);
    }

    /// <summary>Starts a 200 <c>text/event-stream</c> answer (with an <c>x-request-id</c>) and sends its headers at once.</summary>
    public static async Task StartEventStreamAsync(HttpContext context)
    {
        context.Response.StatusCode = 200;
        context.Response.ContentType = "text/event-stream";
        context.Response.Headers["x-request-id"] = "req_loopback";
        await context.Response.StartAsync(context.RequestAborted).ConfigureAwait(false);
        await context.Response.Body.FlushAsync(context.RequestAborted).ConfigureAwait(false);
    }

    /// <summary>Writes one server-sent event and flushes it to the socket.</summary>
    public static async Task EventAsync(HttpContext context, string name, string data)
    {
        byte[] bytes = Encoding.UTF8.GetBytes("event: " + name + "\ndata: " + data + "\n\n");
        await context.Response.Body.WriteAsync(bytes, context.RequestAborted).ConfigureAwait(false);
        await context.Response.Body.FlushAsync(context.RequestAborted).ConfigureAwait(false);
    }

    /// <summary>Keeps the answer open until the client goes away or the server stops.</summary>
    public static async Task HoldOpenAsync(HttpContext context, CancellationToken serverStopping)
    {
        using CancellationTokenSource linked = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, serverStopping);
        try
        {
            await Task.Delay(Timeout.Infinite, linked.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }
    }

    /// <summary>Answers 200 with a body of the given content type (or none, when <paramref name="contentType"/> is null).</summary>
    public static async Task BodyAsync(HttpContext context, string? contentType, string body)
    {
        context.Response.StatusCode = 200;
        if (contentType is not null)
        {
            context.Response.ContentType = contentType;
        }

        context.Response.Headers["x-request-id"] = "req_loopback";
        byte[] bytes = Encoding.UTF8.GetBytes(body);
        context.Response.ContentLength = bytes.Length;
        await context.Response.Body.WriteAsync(bytes, context.RequestAborted).ConfigureAwait(false);
    }
}
