using System;
using System.IO;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace Assistants.Client;

/// <summary>
/// The content of a downloaded file, read from the network as the caller reads it (the library never buffers it
/// whole). Disposing the stream releases the HTTP response; dispose it even when not reading to the end.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage(
    "Performance",
    "CA1844:Provide memory-based overrides of async methods when subclassing 'Stream'",
    Justification = "netstandard2.0 has no Memory-based ReadAsync to override, and the public API must be the same on both targets; Stream's default forwards array-backed memory without copying.")]
public sealed class FileContentStream : Stream
{
    private readonly Stream _inner;
    private readonly HttpResponseMessage _response;

    internal FileContentStream(Stream inner, HttpResponseMessage response, ResponseInfo info)
    {
        _inner = inner;
        _response = response;
        Response = info;
    }

    /// <summary>Gets the status, request id and headers of the download's response.</summary>
    public ResponseInfo Response { get; }

    /// <summary>Gets the media type the server sent, such as <c>application/octet-stream</c>, if any.</summary>
    public string? ContentType => _response.Content.Headers.ContentType?.MediaType;

    /// <summary>Gets the body's length the server announced, or <c>null</c> for a chunked body.</summary>
    public long? ContentLength => _response.Content.Headers.ContentLength;

    /// <inheritdoc />
    public override bool CanRead => _inner.CanRead;

    /// <inheritdoc />
    public override bool CanSeek => false;

    /// <inheritdoc />
    public override bool CanWrite => false;

    /// <inheritdoc />
    /// <exception cref="NotSupportedException">Always: the stream is not seekable; see <see cref="ContentLength"/>.</exception>
    public override long Length => throw new NotSupportedException("The download is not seekable; see ContentLength.");

    /// <inheritdoc />
    /// <exception cref="NotSupportedException">On set: the stream is not seekable.</exception>
    public override long Position
    {
        get => throw new NotSupportedException("The download is not seekable.");
        set => throw new NotSupportedException("The download is not seekable.");
    }

    /// <inheritdoc />
    public override int Read(byte[] buffer, int offset, int count) => _inner.Read(buffer, offset, count);

    /// <inheritdoc />
    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
        => _inner.ReadAsync(buffer, offset, count, cancellationToken);

    /// <inheritdoc />
    public override void Flush()
    {
    }

    /// <inheritdoc />
    /// <exception cref="NotSupportedException">Always.</exception>
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException("The download is not seekable.");

    /// <inheritdoc />
    /// <exception cref="NotSupportedException">Always.</exception>
    public override void SetLength(long value) => throw new NotSupportedException("The download is read-only.");

    /// <inheritdoc />
    /// <exception cref="NotSupportedException">Always.</exception>
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException("The download is read-only.");

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _inner.Dispose();
            _response.Dispose();
        }

        base.Dispose(disposing);
    }
}
