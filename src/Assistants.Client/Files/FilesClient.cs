using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Net.Http;
using System.Runtime.InteropServices;
using System.Threading;
using System.Threading.Tasks;
using Assistants.Client.Internal;
using Assistants.Client.Serialization;

namespace Assistants.Client;

/// <summary>Uploads, lists, reads, deletes and downloads files (<c>/files</c>).</summary>
public partial class FilesClient
{
    private readonly ClientPipeline _pipeline;

    /// <summary>Initializes a client for mocking; its methods must be overridden.</summary>
    protected FilesClient()
    {
        _pipeline = null!;
    }

    internal FilesClient(ClientPipeline pipeline) => _pipeline = pipeline;

    /// <summary>Uploads a file as <c>multipart/form-data</c>, streaming <paramref name="content"/> from its current position with bounded memory.</summary>
    /// <param name="content">The file's bytes; not disposed. A seekable stream lets the request announce its length and lets a
    /// retry (after a 429, say) rewind it to where it started; a non-seekable one goes out chunked (unless
    /// <see cref="FileUploadOptions.Length"/> is given) and is never sent twice: its first error is the call's error.</param>
    /// <param name="fileName">The file's name, which servers use to detect its type; any Unicode name is kept (see the remarks).</param>
    /// <param name="purpose">The purpose, such as <see cref="FilePurpose.Assistants"/>; a string the library does not know is sent as it is.</param>
    /// <param name="options">The part's media type and an expiration.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The stored file.</returns>
    /// <remarks>
    /// The file name goes into <c>Content-Disposition</c> both as <c>filename="..."</c> (raw UTF-8, with <c>"</c>, CR
    /// and LF escaped as <c>%22</c>, <c>%0D</c>, <c>%0A</c>, as browsers send it) and, for a name that is not plain
    /// ASCII, as <c>filename*=UTF-8''...</c> (RFC 5987), which servers that know it prefer. The size limit is the
    /// server's to enforce; the library does not guess it.
    /// </remarks>
    /// <exception cref="ArgumentNullException"><paramref name="content"/> or <paramref name="fileName"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="fileName"/> is empty, <paramref name="purpose"/> has no value, or <paramref name="content"/> cannot be read.</exception>
    /// <exception cref="AssistantsApiException">The server refused the file.</exception>
    public virtual Task<StoredFile> UploadAsync(Stream content, string fileName, FilePurpose purpose, FileUploadOptions? options = null, CancellationToken cancellationToken = default)
    {
        Argument.NotNull(content, nameof(content));
        if (!content.CanRead)
        {
            throw new ArgumentException("The content stream cannot be read.", nameof(content));
        }

        Argument.NotNullOrEmpty(fileName, nameof(fileName));
        string purposeText = purpose.ToString();
        if (purposeText.Length == 0)
        {
            throw new ArgumentException("The purpose must have a value, such as FilePurpose.Assistants.", nameof(purpose));
        }

        List<KeyValuePair<string, string>> fields = new() { new("purpose", purposeText) };
        if (options?.ExpiresAfter is { } expiresAfter)
        {
            fields.Add(new("expires_after[anchor]", "created_at"));
            fields.Add(new("expires_after[seconds]", ((long)expiresAfter.TotalSeconds).ToString(CultureInfo.InvariantCulture)));
        }

        MultipartFileContent body = new(fields, "file", content, fileName, options?.ContentType, options?.Length);
        return _pipeline.CallAsync(ApiOperations.CreateFile, "files", body, AssistantsJsonContext.Default.StoredFile, cancellationToken);
    }

    /// <summary>Uploads a file held in memory as <c>multipart/form-data</c>.</summary>
    /// <param name="content">The file's bytes (a byte array converts implicitly); not copied when they are an array.</param>
    /// <param name="fileName">The file's name; see <see cref="UploadAsync(Stream, string, FilePurpose, FileUploadOptions?, CancellationToken)"/>.</param>
    /// <param name="purpose">The purpose, such as <see cref="FilePurpose.Assistants"/>.</param>
    /// <param name="options">The part's media type and an expiration.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The stored file.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="fileName"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="fileName"/> is empty or <paramref name="purpose"/> has no value.</exception>
    /// <exception cref="AssistantsApiException">The server refused the file.</exception>
    public virtual async Task<StoredFile> UploadAsync(ReadOnlyMemory<byte> content, string fileName, FilePurpose purpose, FileUploadOptions? options = null, CancellationToken cancellationToken = default)
    {
        using MemoryStream stream = MemoryMarshal.TryGetArray(content, out ArraySegment<byte> segment)
            ? new MemoryStream(segment.Array!, segment.Offset, segment.Count, writable: false)
            : new MemoryStream(content.ToArray(), writable: false);
        return await UploadAsync(stream, fileName, purpose, options, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Retrieves a file's details.</summary>
    /// <param name="fileId">The file id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The file.</returns>
    /// <exception cref="ArgumentException"><paramref name="fileId"/> is null or empty.</exception>
    /// <exception cref="ResourceNotFoundException">No file has this id.</exception>
    public virtual Task<StoredFile> GetAsync(string fileId, CancellationToken cancellationToken = default)
    {
        Argument.Id(fileId, nameof(fileId));
        return _pipeline.CallAsync(ApiOperations.RetrieveFile, "files/" + PathSegment.Escape(fileId), null, AssistantsJsonContext.Default.StoredFile, cancellationToken);
    }

    /// <summary>Deletes a file.</summary>
    /// <param name="fileId">The file id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The deletion result.</returns>
    /// <exception cref="ArgumentException"><paramref name="fileId"/> is null or empty.</exception>
    /// <exception cref="ResourceNotFoundException">No file has this id.</exception>
    public virtual Task<DeletionResult> DeleteAsync(string fileId, CancellationToken cancellationToken = default)
    {
        Argument.Id(fileId, nameof(fileId));
        return _pipeline.CallAsync(ApiOperations.DeleteFile, "files/" + PathSegment.Escape(fileId), null, AssistantsJsonContext.Default.DeletionResult, cancellationToken);
    }

    /// <summary>Lists files, page by page as the caller enumerates.</summary>
    /// <param name="options">The purpose filter, page size (1 to 10,000 here), order and cursors.</param>
    /// <param name="cancellationToken">Cancels every page request.</param>
    /// <returns>The files, as items or as pages.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The limit is outside 1 to 10,000.</exception>
    public virtual AsyncPageable<StoredFile> ListAsync(FileCollectionOptions? options = null, CancellationToken cancellationToken = default)
    {
        string? purpose = options?.Purpose?.ToString();
        return PageBuilder.Create(
            _pipeline,
            ApiOperations.ListFiles,
            "files",
            options,
            AssistantsJsonContext.Default.ListResponseStoredFile,
            f => f.Id,
            cancellationToken,
            q => q.Add("purpose", purpose),
            ProtocolLimits.FileListLimitMax);
    }

    /// <summary>Downloads a file's content as a stream that reads from the network as the caller reads it.</summary>
    /// <param name="fileId">The file id.</param>
    /// <param name="cancellationToken">Cancels the call until the response headers arrive; pass a token to each read after that.</param>
    /// <returns>The content; dispose it to release the connection.</returns>
    /// <exception cref="ArgumentException"><paramref name="fileId"/> is null or empty.</exception>
    /// <exception cref="ResourceNotFoundException">No file has this id.</exception>
    public virtual async Task<FileContentStream> DownloadAsync(string fileId, CancellationToken cancellationToken = default)
    {
        Argument.Id(fileId, nameof(fileId));
        HttpRequestMessage request = _pipeline.CreateRequest(ApiOperations.DownloadFile, "files/" + PathSegment.Escape(fileId) + "/content");
        request.Headers.Remove("Accept");
        request.Headers.TryAddWithoutValidation("Accept", "*/*");
        return await ContentDownload.SendAsync(_pipeline, ApiOperations.DownloadFile, request, cancellationToken).ConfigureAwait(false);
    }
}
