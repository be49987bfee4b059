using System;
using System.Buffers;
using System.IO;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace Assistants.Client.Internal;

/// <summary>
/// Reads an error response's body up to <see cref="Limit"/> bytes (what <see cref="AssistantsApiException.RawBody"/>
/// can hold), whatever path the error took: JSON calls, streams and downloads answered with an error status. Beyond
/// the limit, up to <see cref="DrainLimit"/> more bytes are read into a pooled buffer and dropped so the connection
/// can be reused; a body longer still is cut off by closing its connection. Memory stays near the limit however
/// large the body is.
/// </summary>
internal static class ErrorBody
{
    /// <summary>The most bytes of an error body that are kept: 1 MiB.</summary>
    public const int Limit = 1024 * 1024;

    /// <summary>The most bytes past <see cref="Limit"/> that are read and dropped before the connection is closed instead: 1 MiB.</summary>
    public const int DrainLimit = 1024 * 1024;

    private const int ChunkedStart = 16 * 1024;

    /// <summary>Replaces <paramref name="response"/>'s content with its first <see cref="Limit"/> bytes (an <see cref="Content"/>).</summary>
    public static async Task CapAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        HttpContent? original = response.Content;
        if (original is Content)
        {
            return;
        }

        if (original is null)
        {
            response.Content = new Content(Array.Empty<byte>());
            return;
        }

        byte[] bytes;
        using (original)
        {
#if NET5_0_OR_GREATER
            Stream stream = await original.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
#else
            Stream stream = await original.ReadAsStreamAsync().ConfigureAwait(false);
#endif
            using (stream)
            {
                bytes = await ReadAsync(stream, original.Headers.ContentLength, cancellationToken).ConfigureAwait(false);
            }
        }

        Content capped = new(bytes);
        foreach (var header in original.Headers)
        {
            capped.Headers.TryAddWithoutValidation(header.Key, header.Value);
        }

        capped.Headers.ContentLength = bytes.Length;
        response.Content = capped;
    }

    private static async Task<byte[]> ReadAsync(Stream stream, long? declaredLength, CancellationToken cancellationToken)
    {
        // A declared length sizes the array once; only a chunked body grows it (doubling, up to the limit).
        byte[] buffer = new byte[declaredLength is { } declared ? (int)Math.Min(declared, Limit) : ChunkedStart];
        int count = 0;
        while (true)
        {
            if (count == buffer.Length)
            {
                if (buffer.Length >= Limit || declaredLength is not null)
                {
                    break;
                }

                Array.Resize(ref buffer, Math.Min(buffer.Length * 2, Limit));
            }

            int read = await ReadChunkAsync(stream, buffer, count, buffer.Length - count, cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                return count == buffer.Length ? buffer : buffer.AsSpan(0, count).ToArray();
            }

            count += read;
        }

        await DrainAsync(stream, cancellationToken).ConfigureAwait(false);
        return buffer;
    }

    private static async Task DrainAsync(Stream stream, CancellationToken cancellationToken)
    {
        byte[] scratch = ArrayPool<byte>.Shared.Rent(16 * 1024);
        try
        {
            long drained = 0;
            int read;
            while (drained < DrainLimit && (read = await ReadChunkAsync(stream, scratch, 0, scratch.Length, cancellationToken).ConfigureAwait(false)) > 0)
            {
                drained += read;
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(scratch);
        }
    }

    private static Task<int> ReadChunkAsync(Stream stream, byte[] buffer, int offset, int count, CancellationToken cancellationToken)
#if NET5_0_OR_GREATER
        => stream.ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();
#else
        => stream.ReadAsync(buffer, offset, count, cancellationToken);
#endif

    /// <summary>An error body that has been read and capped; <see cref="Bytes"/> is the array itself, not a copy.</summary>
    internal sealed class Content : ByteArrayContent
    {
        public Content(byte[] bytes)
            : base(bytes)
        {
            Bytes = bytes;
        }

        public byte[] Bytes { get; }
    }
}
