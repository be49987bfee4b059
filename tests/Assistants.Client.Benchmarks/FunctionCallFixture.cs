using System;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;

namespace Assistants.Client.Benchmarks;

/// <summary>
/// A generated function-call run stream: one call whose JSON arguments (<see cref="ArgumentLength"/> characters)
/// arrive in 1-6 character <c>thread.run.step.delta</c> fragments, then <c>thread.run.requires_action</c>.
/// </summary>
internal static class FunctionCallFixture
{
    public const int ArgumentLength = 70_000;

    /// <summary>The number of argument delta events (one benchmark operation each): fragments of 1, 2, ... 6 characters in turn.</summary>
    public const int Deltas = 20_002;

    public static byte[] Bytes { get; } = Build();

    private static byte[] Build()
    {
        const string Run = """{"id":"run_abc123","object":"thread.run","created_at":1761861531,"assistant_id":"asst_abc","thread_id":"thread_abc","status":"STATUS","model":"gpt-4o","tools":[],"metadata":{}}""";
        Random random = new(42);
        StringBuilder args = new("{\"text\":\"");
        while (args.Length < ArgumentLength - 2)
        {
            args.Append((char)('a' + random.Next(26)));
        }

        string arguments = args.Append("\"}").ToString();
        StringBuilder sse = new();
        sse.Append("event: thread.run.created\ndata: ").Append(Run.Replace("STATUS", "queued")).Append("\n\n");
        sse.Append("event: thread.run.step.created\ndata: {\"id\":\"step_abc\",\"object\":\"thread.run.step\",\"created_at\":1,\"run_id\":\"run_abc123\",\"assistant_id\":\"asst_abc\",\"thread_id\":\"thread_abc\",\"type\":\"tool_calls\",\"status\":\"in_progress\",\"step_details\":{\"type\":\"tool_calls\",\"tool_calls\":[]}}\n\n");
        sse.Append("event: thread.run.step.delta\ndata: {\"id\":\"step_abc\",\"object\":\"thread.run.step.delta\",\"delta\":{\"step_details\":{\"type\":\"tool_calls\",\"tool_calls\":[{\"index\":0,\"id\":\"call_abc\",\"type\":\"function\",\"function\":{\"name\":\"write\",\"arguments\":\"\",\"output\":null}}]}}}\n\n");
        int deltas = 0;
        for (int i = 0; i < arguments.Length; deltas++)
        {
            int n = Math.Min(1 + (deltas % 6), arguments.Length - i);
            sse.Append("event: thread.run.step.delta\ndata: {\"id\":\"step_abc\",\"object\":\"thread.run.step.delta\",\"delta\":{\"step_details\":{\"type\":\"tool_calls\",\"tool_calls\":[{\"index\":0,\"type\":\"function\",\"function\":{\"arguments\":\"")
                .Append(JsonEncodedText.Encode(arguments.Substring(i, n)).ToString()).Append("\"}}]}}}\n\n");
            i += n;
        }

        sse.Append("event: thread.run.requires_action\ndata: ").Append(Run.Replace("STATUS", "requires_action")).Append("\n\n");
        sse.Append("event: done\ndata: [DONE]\n\n");
        return deltas == Deltas ? Encoding.UTF8.GetBytes(sse.ToString()) : throw new InvalidOperationException($"{deltas} deltas, expected {Deltas}");
    }

    /// <summary>Answers every request with the generated stream from memory.</summary>
    internal sealed class Handler : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            StreamContent content = new(new System.IO.MemoryStream(Bytes, writable: false), 16 * 1024);
            content.Headers.ContentType = new MediaTypeHeaderValue("text/event-stream") { CharSet = "utf-8" };
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = content, RequestMessage = request });
        }
    }
}
