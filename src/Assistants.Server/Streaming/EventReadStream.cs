using System;
using System.IO;
using System.Threading;
using System.Threading.Channels;
using System.Threading.Tasks;

namespace Assistants.Server.Streaming;

/// <summary>A read-only stream over the chunks of an <see cref="EventChannel"/>; each read returns what is available.</summary>
internal sealed class EventReadStream(ChannelReader<byte[]> reader) : Stream
{
    private ReadOnlyMemory<byte> _pending;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    /// <summary>
    /// Waits for the next event, then fills <paramref name="buffer"/> with it and whatever else is already queued, so
    /// that events emitted together reach the response in one write and one flush.
    /// </summary>
    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        while (_pending.IsEmpty)
        {
            if (!await reader.WaitToReadAsync(cancellationToken).ConfigureAwait(false))
            {
                return 0;
            }

            if (reader.TryRead(out byte[]? chunk))
            {
                _pending = chunk;
            }
        }

        int count = 0;
        while (true)
        {
            int length = Math.Min(buffer.Length - count, _pending.Length);
            _pending[..length].CopyTo(buffer[count..]);
            _pending = _pending[length..];
            count += length;
            if (count == buffer.Length || !_pending.IsEmpty || !reader.TryRead(out byte[]? next))
            {
                return count;
            }

            _pending = next;
        }
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override int Read(byte[] buffer, int offset, int count)
    {
        if (_pending.IsEmpty && reader.TryRead(out byte[]? chunk))
        {
            _pending = chunk;
        }

        if (_pending.IsEmpty)
        {
            throw new NotSupportedException("Read the event stream asynchronously.");
        }

        int length = Math.Min(count, _pending.Length);
        _pending[..length].Span.CopyTo(buffer.AsSpan(offset, length));
        _pending = _pending[length..];
        return length;
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
