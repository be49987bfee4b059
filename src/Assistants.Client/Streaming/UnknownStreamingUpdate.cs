using System.Text;

namespace Assistants.Client;

/// <summary>An event whose name this library does not know. It never ends the stream; its data is kept as sent.</summary>
public sealed class UnknownStreamingUpdate : StreamingUpdate
{
    private readonly byte[] _data;

    /// <summary>Initializes an unknown event from its name and the UTF-8 bytes of its data.</summary>
    /// <param name="eventType">The event name as sent.</param>
    /// <param name="data">The UTF-8 bytes of the event's <c>data</c>.</param>
    public UnknownStreamingUpdate(StreamingEventType eventType, byte[] data)
        : base(eventType)
    {
        _data = data ?? System.Array.Empty<byte>();
    }

    /// <summary>Gets the event's data as text.</summary>
    public string RawData => Encoding.UTF8.GetString(_data);

    /// <summary>Gets the event's data as UTF-8 bytes.</summary>
    /// <returns>A copy of the bytes.</returns>
    public byte[] GetRawBytes() => (byte[])_data.Clone();
}
