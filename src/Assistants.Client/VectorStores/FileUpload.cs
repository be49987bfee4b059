using System;
using System.IO;

namespace Assistants.Client;

/// <summary>One file to upload: its content and name (used by <see cref="VectorStoresClient.UploadFileBatchAndWaitAsync"/>).</summary>
public sealed class FileUpload
{
    /// <summary>Initializes a file to upload from a stream, which is read once and not disposed.</summary>
    /// <param name="content">The file's bytes.</param>
    /// <param name="fileName">The file's name; any Unicode name is kept.</param>
    /// <exception cref="ArgumentNullException"><paramref name="content"/> or <paramref name="fileName"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="fileName"/> is empty.</exception>
    public FileUpload(Stream content, string fileName)
    {
        Content = content ?? throw new ArgumentNullException(nameof(content));
        FileName = fileName ?? throw new ArgumentNullException(nameof(fileName));
        if (fileName.Length == 0)
        {
            throw new ArgumentException("The file name must not be empty.", nameof(fileName));
        }
    }

    /// <summary>Gets the file's bytes.</summary>
    public Stream Content { get; }

    /// <summary>Gets the file's name.</summary>
    public string FileName { get; }

    /// <summary>Gets or sets the media type of the file part.</summary>
    /// <value>The default is <c>null</c>: <c>application/octet-stream</c>.</value>
    public string? ContentType { get; set; }
}
