using System;
using System.Collections.Generic;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace Assistants.Client.Tests.Streaming;

/// <summary>A read-only stream that hands out its bytes in the given chunks, one chunk per read, and records disposal.</summary>
internal sealed class ChunkedStream : Stream
{
    private readonly Queue<byte[]> _chunks;
    private byte[]? _current;
    private int _offset;

    public ChunkedStream(IEnumerable<byte[]> chunks) => _chunks = new Queue<byte[]>(chunks);

    public bool Disposed { get; private set; }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public static ChunkedStream Whole(byte[] bytes) => new(new[] { bytes });

    public static ChunkedStream ByLine(byte[] bytes)
    {
        List<byte[]> chunks = new();
        int start = 0;
        for (int i = 0; i < bytes.Length; i++)
        {
            if (bytes[i] == (byte)'\n')
            {
                chunks.Add(bytes[start..(i + 1)]);
                start = i + 1;
            }
        }

        if (start < bytes.Length)
        {
            chunks.Add(bytes[start..]);
        }

        return new ChunkedStream(chunks);
    }

    public static ChunkedStream ByteAtATime(byte[] bytes)
    {
        List<byte[]> chunks = new(bytes.Length);
        foreach (byte b in bytes)
        {
            chunks.Add(new[] { b });
        }

        return new ChunkedStream(chunks);
    }

    public static ChunkedStream RandomSplits(byte[] bytes, int seed)
    {
        Random random = new(seed);
        List<byte[]> chunks = new();
        int start = 0;
        while (start < bytes.Length)
        {
            int length = Math.Min(bytes.Length - start, random.Next(1, 97));
            chunks.Add(bytes[start..(start + length)]);
            start += length;
        }

        return new ChunkedStream(chunks);
    }

    public override int Read(byte[] buffer, int offset, int count)
    {
        if (Disposed)
        {
            throw new ObjectDisposedException(nameof(ChunkedStream));
        }

        if (_current is null || _offset == _current.Length)
        {
            if (_chunks.Count == 0)
            {
                return 0;
            }

            _current = _chunks.Dequeue();
            _offset = 0;
        }

        int n = Math.Min(count, _current.Length - _offset);
        Array.Copy(_current, _offset, buffer, offset, n);
        _offset += n;
        return n;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(Read(buffer, offset, count));
    }

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        byte[] temp = new byte[buffer.Length];
        int n = Read(temp, 0, temp.Length);
        temp.AsSpan(0, n).CopyTo(buffer.Span);
        return new ValueTask<int>(n);
    }

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
