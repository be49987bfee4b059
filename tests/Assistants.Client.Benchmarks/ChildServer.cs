using System;
using System.Buffers;
using System.Diagnostics;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Assistants.Client.Benchmarks;

/// <summary>
/// <c>--serve</c>: Kestrel on 127.0.0.1 (a port the OS picks, printed as <c>PORT n</c>) serving <see cref="WireData"/>
/// until stdin closes. <see cref="Start"/> is the parent's side: it re-launches this program with <c>--serve</c>.
/// Routes: <c>POST /v1/threads/{thread_text|thread_call|thread_short}/runs</c> (the streams), <c>GET .../runs/{id}</c>
/// (the run), <c>GET .../messages?after=</c> (the pages).
/// </summary>
internal static class ChildServer
{
    public static async Task<int> ServeAsync(BenchArgs args)
    {
        WireData data = new(args.Has("--quick"));
        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        await using WebApplication app = builder.Build();
        app.Run(context => HandleAsync(context, data));
        await app.StartAsync();
        Console.WriteLine("PORT " + new Uri(app.Urls.Single()).Port);
        await Console.In.ReadToEndAsync();
        await app.StopAsync();
        return 0;
    }

    /// <summary>Starts this program with <c>--serve</c> and returns the process and the port it printed.</summary>
    public static (Process Process, int Port) Start(bool quick)
    {
        ProcessStartInfo start = new("dotnet") { RedirectStandardInput = true, RedirectStandardOutput = true, UseShellExecute = false };
        start.ArgumentList.Add(typeof(ChildServer).Assembly.Location);
        start.ArgumentList.Add("--serve");
        if (quick)
        {
            start.ArgumentList.Add("--quick");
        }

        Process process = Process.Start(start) ?? throw new InvalidOperationException("could not start the --serve child");
        for (string? line = process.StandardOutput.ReadLine(); line is not null; line = process.StandardOutput.ReadLine())
        {
            if (line.StartsWith("PORT ", StringComparison.Ordinal))
            {
                return (process, int.Parse(line.AsSpan(5), provider: System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        throw new InvalidOperationException("the --serve child exited without printing its port");
    }

    private static Task HandleAsync(HttpContext context, WireData data)
    {
        string path = context.Request.Path.Value ?? "";
        string[] s = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        byte[]? body = null;
        bool stream = false;
        if (s.Length == 4 && s[3] == "runs" && context.Request.Method == "POST")
        {
            stream = true;
            body = s[2] switch
            {
                "thread_text" => data.TextStream,
                "thread_call" => data.FunctionStream,
                _ => data.ShortRun,
            };
        }
        else if (s.Length == 5 && s[3] == "runs")
        {
            body = data.Run;
        }
        else if (s.Length == 4 && s[3] == "messages")
        {
            data.Pages.TryGetValue(context.Request.Query["after"].ToString(), out body);
        }

        if (body is null)
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return Task.CompletedTask;
        }

        context.Response.ContentType = stream ? "text/event-stream; charset=utf-8" : "application/json";
        if (!stream)
        {
            context.Response.ContentLength = body.Length;
            return context.Response.Body.WriteAsync(body).AsTask();
        }

        return WriteStreamAsync(context, body);
    }

    private static async Task WriteStreamAsync(HttpContext context, byte[] body)
    {
        // The request body drained, then the answer in 16 KB chunks, each flushed but the last, which goes out with
        // the end of the response (so a reader waiting for the end does not wait for the server to be scheduled again).
        await context.Request.Body.CopyToAsync(System.IO.Stream.Null);
        for (int offset = 0; offset < body.Length; offset += 16 * 1024)
        {
            int length = Math.Min(16 * 1024, body.Length - offset);
            context.Response.BodyWriter.Write(body.AsSpan(offset, length));
            if (offset + length < body.Length)
            {
                await context.Response.BodyWriter.FlushAsync();
            }
        }

        await context.Response.CompleteAsync();
    }
}
