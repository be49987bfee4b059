using System;
using System.IO;
using System.Text;
using System.Threading;
using System.Threading.Channels;
using System.Threading.Tasks;

namespace Assistants.Client.Tests.Streaming;

/// <summary>
/// A response body the test feeds while it is read: <see cref="Send"/> hands out text, <see cref="Fail"/> makes the
/// next read throw (a reset connection), <see cref="End"/> ends the body. With nothing sent a read waits until its
/// token is cancelled, like a server that went silent.
/// </summary>
internal sealed class ScriptedStream : Stream
{
    private readonly Channel<object> _parts = Channel.CreateUnbounded<object>();
    private TaskCompletionSource? _nextWait;
    private byte[]? _current;
    private int _offset;

    public bool Disposed { get; private set; }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public void Send(string text) => _parts.Writer.TryWrite(Encoding.UTF8.GetBytes(text));

    /// <summary>Sends <paramref name="text"/> and waits until the reader took it all and waits for more.</summary>
    public async Task SendAndWaitUntilReadAsync(string text)
    {
        TaskCompletionSource waiting = new(TaskCreationOptions.RunContinuationsAsynchronously);
        Volatile.Write(ref _nextWait, waiting);
        Send(text);
        await waiting.Task.WaitAsync(TimeSpan.FromSeconds(20));
    }

    public void Fail(Exception error) => _parts.Writer.TryWrite(error);

    public void End() => _parts.Writer.TryComplete();

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (Disposed)
        {
            throw new ObjectDisposedException(nameof(ScriptedStream));
        }

        if (_current is null || _offset == _current.Length)
        {
            if (!_parts.Reader.TryPeek(out _))
            {
                Interlocked.Exchange(ref _nextWait, null)?.TrySetResult();
            }

            if (!await _parts.Reader.WaitToReadAsync(cancellationToken) || !_parts.Reader.TryRead(out object? part))
            {
                return 0;
            }

            if (part is Exception error)
            {
                throw error;
            }

            _current = (byte[])part;
            _offset = 0;
        }

        int n = Math.Min(buffer.Length, _current.Length - _offset);
        _current.AsSpan(_offset, n).CopyTo(buffer.Span);
        _offset += n;
        return n;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
        => ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException("Read asynchronously.");

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        Disposed = true;
        base.Dispose(disposing);
    }
}
