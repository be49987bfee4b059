using System;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Assistants.Server.Errors;

namespace Assistants.Server.Http;

/// <summary>
/// A request body that fails with a 413 <see cref="ApiException"/> as soon as more than its limit has been read, so an
/// oversized body is refused while it streams in, whatever reads it (the JSON parser or the multipart reader). The
/// caller's content stays the caller's to dispose.
/// </summary>
internal sealed class BoundedContent : HttpContent
{
    private readonly HttpContent _inner;
    private readonly long _limit;
    private readonly Func<ApiException> _tooLarge;

    public BoundedContent(HttpContent inner, long limit, Func<ApiException> tooLarge)
    {
        _inner = inner;
        _limit = limit;
        _tooLarge = tooLarge;
        foreach (var header in inner.Headers)
        {
            Headers.TryAddWithoutValidation(header.Key, header.Value);
        }
    }

    protected override async Task<Stream> CreateContentReadStreamAsync(CancellationToken cancellationToken) =>
        new BoundedReadStream(await _inner.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false), _limit, _tooLarge);

    protected override Task<Stream> CreateContentReadStreamAsync() => CreateContentReadStreamAsync(CancellationToken.None);

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
        SerializeToStreamAsync(stream, context, CancellationToken.None);

    // Copying goes through the inner content's own serializer (counted as it writes): reading it as a stream instead
    // would make an in-process MultipartFormDataContent buffer the whole upload.
    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken)
        => _inner.CopyToAsync(new BoundedWriteStream(stream, _limit, _tooLarge), cancellationToken);

    // Only bodies of unknown length are wrapped.
    protected override bool TryComputeLength(out long length)
    {
        length = -1;
        return false;
    }
}
