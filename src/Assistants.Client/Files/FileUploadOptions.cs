using System;

namespace Assistants.Client;

/// <summary>The optional parts of a file upload.</summary>
public sealed class FileUploadOptions
{
    private long? _length;

    /// <summary>Gets or sets the media type of the file part, such as <c>text/plain</c>.</summary>
    /// <value>The default is <c>null</c>: <c>application/octet-stream</c>; servers detect the type from the file name.</value>
    public string? ContentType { get; set; }

    /// <summary>Gets or sets how long after its creation the server deletes the file (sent as
    /// <c>expires_after[anchor]=created_at</c> and <c>expires_after[seconds]</c>).</summary>
    /// <value>The default is <c>null</c>: the server's policy (kept until deleted, except batch files).</value>
    public TimeSpan? ExpiresAfter { get; set; }

    /// <summary>
    /// Gets or sets the number of bytes the content stream delivers from its current position. With it, a non-seekable
    /// stream is sent with a <c>Content-Length</c> (the file plus the exact multipart overhead) instead of chunked, which
    /// some proxies require. The stream must deliver exactly this many bytes, or the request fails.
    /// </summary>
    /// <value>The default is <c>null</c>: a seekable stream's remaining length is used; a non-seekable stream goes out chunked.</value>
    /// <exception cref="ArgumentOutOfRangeException">The value is negative.</exception>
    public long? Length
    {
        get => _length;
        set => _length = value is < 0 ? throw new ArgumentOutOfRangeException(nameof(value), value, "The length must not be negative.") : value;
    }
}
