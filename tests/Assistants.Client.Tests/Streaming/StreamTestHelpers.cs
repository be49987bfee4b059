using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using Assistants.Client.Tests.Replay;

namespace Assistants.Client.Tests.Streaming;

internal static class StreamTestHelpers
{
    public static IReadOnlyList<RecordedEntry> RecordedStreams() => Recordings.All.Where(e => e.IsStream).ToList();

    public static RunStream FromText(string sse) => new(null, ChunkedStream.Whole(Encoding.UTF8.GetBytes(sse)));

    public static RunStream FromStream(Stream stream) => new(null, stream);

    public static async Task<List<StreamingUpdate>> ReadAllAsync(Stream stream)
    {
        List<StreamingUpdate> updates = new();
        await foreach (StreamingUpdate update in FromStream(stream))
        {
            updates.Add(update);
        }

        return updates;
    }

    /// <summary>A comparable description of an update: its type, ids and the text it carries.</summary>
    public static string Describe(StreamingUpdate update) => update switch
    {
        MessageDeltaUpdate d => $"{d.EventType} {d.MessageId} [{d.Text}]",
        RunStepDeltaUpdate d => $"{d.EventType} {d.RunStepId} {System.Text.Json.JsonSerializer.Serialize(d.Delta, Assistants.Client.Serialization.AssistantsJsonContext.Default.RunStepDelta)}",
        RunUpdate r => $"{r.EventType} {r.Run.Id} {r.Status}",
        RunStepUpdate s => $"{s.EventType} {s.RunStep.Id} {s.RunStep.Status}",
        MessageUpdate m => $"{m.EventType} {m.Message.Id} {m.Message.Status}",
        ThreadCreatedUpdate t => $"{t.EventType} {t.Thread.Id}",
        UnknownStreamingUpdate u => $"unknown {u.EventType} {u.RawData}",
        _ => update.ToString(),
    };

    public static string Event(string name, string data) => $"event: {name}\ndata: {data}\n\n";

    public static string Run(string status, string id = "run_1") =>
        $$"""{"id":"{{id}}","object":"thread.run","created_at":1,"thread_id":"thread_1","assistant_id":"asst_1","status":"{{status}}"}""";

    public static string TextDelta(string text, int index = 0, string id = "msg_1") =>
        $$$"""{"id":"{{{id}}}","object":"thread.message.delta","delta":{"content":[{"index":{{{index}}},"type":"text","text":{"value":"{{{text}}}"}}]}}""";
}
