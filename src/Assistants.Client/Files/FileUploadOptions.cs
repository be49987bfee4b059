using System;

namespace Assistants.Client;

/// <summary>The optional parts of a file upload.</summary>
public sealed class FileUploadOptions
{
    /// <summary>Gets or sets the media type of the file part, such as <c>text/plain</c>.</summary>
    /// <value>The default is <c>null</c>: <c>application/octet-stream</c>; servers detect the type from the file name.</value>
    public string? ContentType { get; set; }

    /// <summary>Gets or sets how long after its creation the server deletes the file (sent as
    /// <c>expires_after[anchor]=created_at</c> and <c>expires_after[seconds]</c>).</summary>
    /// <value>The default is <c>null</c>: the server's policy (kept until deleted, except batch files).</value>
    public TimeSpan? ExpiresAfter { get; set; }
}
