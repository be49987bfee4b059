using System.Text;
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
    private readonly Channel<byte[]> _channel = Channel.CreateUnbounded<byte[]>(new UnboundedChannelOptions { SingleReader = true });

    public ChannelReader<byte[]> Reader => _channel.Reader;

    public void Emit(string eventName, JsonNode data) =>
        Write($"event: {eventName}\ndata: {JsonNodes.Serialize(data)}\n\n");

    /// <summary>Ends the stream with <c>event: done</c> / <c>data: [DONE]</c>, as every real stream ends.</summary>
    public void Complete()
    {
        Write("event: done\ndata: [DONE]\n\n");
        _channel.Writer.TryComplete();
    }

    private void Write(string text) => _channel.Writer.TryWrite(Encoding.UTF8.GetBytes(text));
}
