using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace Assistants.Client.Internal;

/// <summary>
/// A <c>multipart/form-data</c> body with text fields first and one file part last, written by hand so that the
/// bytes are the same on every target framework and the file is streamed, never buffered.
/// </summary>
/// <remarks>
/// The file name is written twice, the way browsers and the official SDKs together cover every server parser:
/// <c>filename="..."</c> holds the name as raw UTF-8 (RFC 7578 section 4.2 and the WHATWG form encoding, which
/// escape only <c>"</c>, CR and LF as <c>%22</c>, <c>%0D</c>, <c>%0A</c>), and, when the name is not plain
/// ASCII or needed escaping, <c>filename*=UTF-8''...</c> (RFC 5987/8187 percent-encoding), which ASP.NET Core,
/// Go, busboy and Python's email-based parsers prefer. The caller's stream is not disposed; it is read straight
/// onto the wire through one pooled copy buffer, so memory stays bounded whatever its size. The length is known
/// (and sent as <c>Content-Length</c>) for a seekable stream or when the caller declared it; otherwise the body
/// goes out chunked. A retry re-reads a seekable stream from the position it started at; a non-seekable stream
/// that was already read cannot be sent again (<see cref="CanReplay"/> is false).
/// </remarks>
internal sealed class MultipartFileContent : HttpContent, IReplayableContent
{
    private const int CopyBufferSize = 81920;
    private static readonly Encoding s_utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);

    private readonly Stream _file;
    private readonly byte[] _head;
    private readonly byte[] _tail;
    private readonly long _start;
    private readonly long? _fileLength;
    private readonly Shared _shared;

    /// <summary>Initializes the body.</summary>
    /// <param name="fields">The text fields, written before the file part.</param>
    /// <param name="fileField">The file part's field name.</param>
    /// <param name="file">The file's bytes, read from the current position.</param>
    /// <param name="fileName">The file name.</param>
    /// <param name="fileContentType">The file part's media type, or <c>null</c> for <c>application/octet-stream</c>.</param>
    /// <param name="fileLength">The number of bytes the caller says <paramref name="file"/> holds from its position, or <c>null</c>.</param>
    /// <param name="boundary">The boundary, or <c>null</c> for a random one.</param>
    public MultipartFileContent(IEnumerable<KeyValuePair<string, string>> fields, string fileField, Stream file, string fileName, string? fileContentType, long? fileLength = null, string? boundary = null)
    {
        _file = file;
        _shared = new Shared();
        _start = file.CanSeek ? file.Position : -1;
        _fileLength = fileLength ?? (file.CanSeek ? file.Length - _start : null);
        Boundary = boundary ?? "----AssistantsClient" + Guid.NewGuid().ToString("N");
        StringBuilder head = new();
        foreach (KeyValuePair<string, string> field in fields)
        {
            head.Append("--").Append(Boundary).Append("\r\n")
                .Append("Content-Disposition: form-data; name=\"").Append(EscapeQuoted(field.Key)).Append("\"\r\n\r\n")
                .Append(field.Value).Append("\r\n");
        }

        head.Append("--").Append(Boundary).Append("\r\n")
            .Append("Content-Disposition: ").Append(FileDisposition(fileField, fileName)).Append("\r\n")
            .Append("Content-Type: ").Append(fileContentType ?? "application/octet-stream").Append("\r\n\r\n");
        _head = s_utf8.GetBytes(head.ToString());
        _tail = s_utf8.GetBytes("\r\n--" + Boundary + "--\r\n");
        Headers.ContentType = MediaTypeHeaderValue.Parse("multipart/form-data; boundary=" + Boundary);
    }

    private MultipartFileContent(MultipartFileContent original)
    {
        _file = original._file;
        _head = original._head;
        _tail = original._tail;
        _start = original._start;
        _fileLength = original._fileLength;
        _shared = original._shared;
        Boundary = original.Boundary;
        Headers.ContentType = original.Headers.ContentType;
    }

    public string Boundary { get; }

    /// <inheritdoc />
    public bool CanReplay => !_shared.Started || _start >= 0;

    /// <inheritdoc />
    public HttpContent CreateReplay()
    {
        if (_shared.Started)
        {
            if (_start < 0)
            {
                throw new InvalidOperationException("A non-seekable upload stream cannot be sent again.");
            }

            _file.Position = _start;
            _shared.Started = false;
        }

        return new MultipartFileContent(this);
    }

    /// <summary>Builds the <c>Content-Disposition</c> value of a file part.</summary>
    public static string FileDisposition(string field, string fileName)
    {
        string quoted = EscapeQuoted(fileName);
        StringBuilder builder = new StringBuilder("form-data; name=\"").Append(EscapeQuoted(field)).Append("\"; filename=\"").Append(quoted).Append('"');
        if (!IsPlainAscii(fileName))
        {
            builder.Append("; filename*=UTF-8''").Append(EncodeRfc5987(fileName));
        }

        return builder.ToString();
    }

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        => WriteAsync(stream, CancellationToken.None);

#if NET5_0_OR_GREATER
    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken)
        => WriteAsync(stream, cancellationToken);
#endif

    protected override bool TryComputeLength(out long length)
    {
        if (_fileLength is { } fileLength)
        {
            length = _head.Length + fileLength + _tail.Length;
            return true;
        }

        length = 0;
        return false;
    }

    private static string EscapeQuoted(string value)
        => value.Replace("\"", "%22").Replace("\r", "%0D").Replace("\n", "%0A");

    private static bool IsPlainAscii(string value)
    {
        foreach (char c in value)
        {
            if (c > 0x7E || c < 0x20 || c == '"')
            {
                return false;
            }
        }

        return true;
    }

    private static string EncodeRfc5987(string value)
    {
        StringBuilder builder = new();
        foreach (byte b in s_utf8.GetBytes(value))
        {
            char c = (char)b;
            bool attrChar = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || c is '!' or '#' or '$' or '&' or '+' or '-' or '.' or '^' or '_' or '`' or '|' or '~';
            if (attrChar)
            {
                builder.Append(c);
            }
            else
            {
                builder.Append('%').Append(b.ToString("X2", CultureInfo.InvariantCulture));
            }
        }

        return builder.ToString();
    }

    private async Task WriteAsync(Stream stream, CancellationToken cancellationToken)
    {
        _shared.Started = true;
#if NET5_0_OR_GREATER
        await stream.WriteAsync(_head, cancellationToken).ConfigureAwait(false);
        await _file.CopyToAsync(stream, CopyBufferSize, cancellationToken).ConfigureAwait(false);
        await stream.WriteAsync(_tail, cancellationToken).ConfigureAwait(false);
#else
        await stream.WriteAsync(_head, 0, _head.Length, cancellationToken).ConfigureAwait(false);
        await _file.CopyToAsync(stream, CopyBufferSize, cancellationToken).ConfigureAwait(false);
        await stream.WriteAsync(_tail, 0, _tail.Length, cancellationToken).ConfigureAwait(false);
#endif
    }

    /// <summary>State the copies made for retries share with the original: whether the stream has been read.</summary>
    private sealed class Shared
    {
        public volatile bool Started;
    }
}
