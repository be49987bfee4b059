using System;
using System.IO;
using System.IO.Pipelines;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace Assistants.Server.Endpoints;

/// <summary>
/// An upload's body as a stream that never holds it whole. A body from Kestrel (<see cref="StreamContent"/>) is read
/// as it is; any other content, such as an in-process <see cref="MultipartFormDataContent"/> whose
/// <c>ReadAsStreamAsync</c> would buffer it all, is written through a pipe of at most 64 KB, as a socket would carry it.
/// </summary>
internal sealed class UploadBody : IAsyncDisposable
{
    private readonly Pipe? _pipe;
    private readonly Task _writer = Task.CompletedTask;

    private UploadBody(Stream stream, Pipe? pipe, Task writer)
    {
        Stream = stream;
        _pipe = pipe;
        _writer = writer;
    }

    public Stream Stream { get; }

    public static async Task<UploadBody> OpenAsync(HttpContent content, CancellationToken cancellationToken)
    {
        if (content is StreamContent)
        {
            return new UploadBody(await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false), null, Task.CompletedTask);
        }

        var pipe = new Pipe();
        Task writer = Task.Run(async () =>
        {
            try
            {
                await content.CopyToAsync(pipe.Writer.AsStream(leaveOpen: true), cancellationToken).ConfigureAwait(false);
                await pipe.Writer.CompleteAsync().ConfigureAwait(false);
            }
#pragma warning disable CA1031 // The failure reaches the reader, which reports it.
            catch (Exception exception)
#pragma warning restore CA1031
            {
                await pipe.Writer.CompleteAsync(exception).ConfigureAwait(false);
            }
        }, CancellationToken.None);
        return new UploadBody(pipe.Reader.AsStream(leaveOpen: true), pipe, writer);
    }

    public async ValueTask DisposeAsync()
    {
        if (_pipe is not null)
        {
            // A reader that stops early (a bad request) makes the writer's next write fail, so it ends too.
            await _pipe.Reader.CompleteAsync().ConfigureAwait(false);
            await _writer.ConfigureAwait(false);
        }
    }
}
