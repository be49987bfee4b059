using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace Assistants.Client.Benchmarks;

/// <summary>A long generated run stream (thousands of text deltas) and an HTTP handler that serves it from memory.</summary>
internal static class StreamFixture
{
    public const int Deltas = 5000;

    public static byte[] Bytes { get; } = Build();

    private static byte[] Build()
    {
        const string Run = """{"id":"run_abc123","object":"thread.run","created_at":1761861531,"assistant_id":"asst_abc","thread_id":"thread_abc","status":"STATUS","started_at":null,"expires_at":null,"cancelled_at":null,"failed_at":null,"completed_at":null,"required_action":null,"last_error":null,"model":"gpt-4o","instructions":null,"tools":[],"metadata":{},"temperature":1.0,"top_p":1.0,"max_completion_tokens":null,"max_prompt_tokens":null,"truncation_strategy":{"type":"auto","last_messages":null},"incomplete_details":null,"usage":null,"response_format":"auto","tool_choice":"auto","parallel_tool_calls":true}""";
        string[] words = { " the", " quick", " brown", " fox", " jumps", " over", " a", " lazy", " dog", "." };
        StringBuilder sse = new();
        sse.Append("event: thread.run.created\ndata: ").Append(Run.Replace("STATUS", "queued")).Append("\n\n");
        sse.Append("event: thread.run.in_progress\ndata: ").Append(Run.Replace("STATUS", "in_progress")).Append("\n\n");
        for (int i = 0; i < Deltas; i++)
        {
            sse.Append("event: thread.message.delta\ndata: {\"id\":\"msg_kSkj4ryQchn1MSwL3I2N0uWV\",\"object\":\"thread.message.delta\",\"delta\":{\"content\":[{\"index\":0,\"type\":\"text\",\"text\":{\"value\":\"")
                .Append(words[i % words.Length]).Append(i == 0 ? "\",\"annotations\":[]}}]}}\n\n" : "\"}}]}}\n\n");
        }

        sse.Append("event: thread.run.completed\ndata: ").Append(Run.Replace("STATUS", "completed")).Append("\n\n");
        sse.Append("event: done\ndata: [DONE]\n\n");
        return Encoding.UTF8.GetBytes(sse.ToString());
    }

    /// <summary>Answers every request with the generated stream, as a real server would: chunked, headers first.</summary>
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
