using System.Text.Json.Nodes;
using System.Threading.Channels;
using Assistants.Server.Json;

namespace Assistants.Server.Streaming;

/// <summary>
/// The server side of one <c>text/event-stream</c> response: events are framed as the service frames them
/// (<c>event:</c> line, one <c>data:</c> line, blank line, LF only) and queued for the reader as they happen.
/// </summary>
internal sealed class EventChannel
{
    private static readonly byte[] s_done = "event: done\ndata: [DONE]\n\n"u8.ToArray();

    private readonly Channel<byte[]> _channel = Channel.CreateUnbounded<byte[]>(new UnboundedChannelOptions { SingleReader = true });

    public ChannelReader<byte[]> Reader => _channel.Reader;

    /// <summary>Frames the event straight into UTF-8 (one buffer per event; the JSON is written as <see cref="JsonNodes.Serialize"/> writes it).</summary>
    public void Emit(string eventName, JsonNode data) => _channel.Writer.TryWrite(JsonNodes.Frame(eventName, data));

    /// <summary>Emits <paramref name="firstEvent"/> (and <paramref name="secondEvent"/>) with data already written as UTF-8 JSON.</summary>
    public void Emit(string firstEvent, string? secondEvent, byte[] json) => _channel.Writer.TryWrite(JsonNodes.Frames(firstEvent, secondEvent, json));

    /// <summary>Queues an event already framed (<see cref="JsonNodes.TextDeltaFrame"/>).</summary>
    public void Emit(byte[] frame) => _channel.Writer.TryWrite(frame);

    /// <summary>Emits two events with the same data (a <c>created</c> event and the unchanged status event after it), the data written once.</summary>
    public void Emit(string firstEvent, string secondEvent, JsonNode data) => _channel.Writer.TryWrite(JsonNodes.Frames(firstEvent, secondEvent, data));

    /// <summary>Ends the stream with <c>event: done</c> / <c>data: [DONE]</c>, as every real stream ends.</summary>
    public void Complete()
    {
        _channel.Writer.TryWrite(s_done);
        _channel.Writer.TryComplete();
    }
}
