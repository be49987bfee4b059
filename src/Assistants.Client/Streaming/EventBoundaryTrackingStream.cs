using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace Assistants.Client.Internal;

/// <summary>
/// A read-only pass-through over the response body that remembers its last three bytes, so that at the end of
/// the body it can tell a stream that ended on an event boundary (a blank line) from one cut in the middle of an
/// event. SSE parsers drop or dispatch a trailing partial event silently; we want to say so.
/// </summary>
internal sealed class EventBoundaryTrackingStream : Stream
{
    private readonly Stream _inner;
    private readonly StreamIdleTimeout? _idle;
    private byte _last1;
    private byte _last2;
    private byte _last3;
    private long _length;

    /// <param name="inner">The response body.</param>
    /// <param name="idle">The stream's idle timeout, restarted whenever bytes arrive (events and keep-alive comments alike).</param>
    public EventBoundaryTrackingStream(Stream inner, StreamIdleTimeout? idle = null)
    {
        _inner = inner;
        _idle = idle;
    }

    public bool AtEnd { get; private set; }

    /// <summary>Gets a value indicating whether the body ended with bytes after the last blank line.</summary>
    public bool EndedMidEvent => AtEnd && _length > 0 && !EndsWithBlankLine();

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => _length; set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => Track(buffer.AsSpan(offset, _inner.Read(buffer, offset, count)));

    public override async Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
    {
#if NET
        int read = await _inner.ReadAsync(buffer.AsMemory(offset, count), cancellationToken).ConfigureAwait(false);
#else
        int read = await _inner.ReadAsync(buffer, offset, count, cancellationToken).ConfigureAwait(false);
#endif
        return Track(buffer.AsSpan(offset, read));
    }

#if NET
    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        int read = await _inner.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
        return Track(buffer.Span.Slice(0, read));
    }
#endif

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _inner.Dispose();
        }

        base.Dispose(disposing);
    }

    private int Track(ReadOnlySpan<byte> read)
    {
        if (read.Length == 0)
        {
            AtEnd = true;
            return 0;
        }

        _idle?.Reset();
        _length += read.Length;
        for (int i = Math.Max(0, read.Length - 3); i < read.Length; i++)
        {
            _last3 = _last2;
            _last2 = _last1;
            _last1 = read[i];
        }

        return read.Length;
    }

    // A blank line is a line terminator (CRLF, LF or CR) right after another one.
    private bool EndsWithBlankLine()
        => _last1 == (byte)'\r' ? _last2 is (byte)'\r' or (byte)'\n'
        : _last1 == (byte)'\n' && (_last2 == (byte)'\n' || (_last2 == (byte)'\r' && _last3 is (byte)'\r' or (byte)'\n'));
}
