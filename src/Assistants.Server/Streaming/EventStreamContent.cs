using System.IO;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Threading;
using System.Threading.Tasks;

namespace Assistants.Server.Streaming;

/// <summary>
/// Response content that hands events to the reader as soon as they are emitted, so an in-process
/// <see cref="HttpClient"/> sees the stream live instead of after the run ends.
/// </summary>
internal sealed class EventStreamContent : HttpContent
{
    private readonly EventChannel _events;

    public EventStreamContent(EventChannel events)
    {
        _events = events;
        Headers.ContentType = MediaTypeHeaderValue.Parse("text/event-stream; charset=utf-8");
    }

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
        await SerializeToStreamAsync(stream, context, CancellationToken.None).ConfigureAwait(false);

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken)
    {
        while (await _events.Reader.WaitToReadAsync(cancellationToken).ConfigureAwait(false))
        {
            while (_events.Reader.TryRead(out byte[]? chunk))
            {
                await stream.WriteAsync(chunk, cancellationToken).ConfigureAwait(false);
            }

            await stream.FlushAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    protected override Task<Stream> CreateContentReadStreamAsync() => Task.FromResult<Stream>(new EventReadStream(_events.Reader));

    protected override Task<Stream> CreateContentReadStreamAsync(CancellationToken cancellationToken) => CreateContentReadStreamAsync();

    protected override bool TryComputeLength(out long length)
    {
        length = 0;
        return false;
    }
}
