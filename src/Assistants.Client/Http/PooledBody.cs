using System;
using System.Buffers;
using System.IO;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace Assistants.Client.Internal;

/// <summary>
/// Reads a successful JSON answer's body once, into one buffer rented from <see cref="ArrayPool{T}.Shared"/> (sized
/// by <c>Content-Length</c> when the server sent one), so the body is deserialized from the bytes as they were read:
/// no buffering by <see cref="HttpContent"/> and no copy into a second array. The caller returns the buffer with
/// <see cref="Return"/> once the model is built (the models keep no reference to it).
/// </summary>
internal static class PooledBody
{
    private const int ChunkedStart = 16 * 1024;
    private const int MaxInitial = 1024 * 1024;

    /// <summary>Reads <paramref name="response"/>'s body; the segment's array is rented (see <see cref="Return"/>).</summary>
    public static async Task<ArraySegment<byte>> ReadAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        HttpContent? content = response.Content;
        if (content is null)
        {
            return new ArraySegment<byte>(Array.Empty<byte>());
        }

        long? declared = content.Headers.ContentLength;
        byte[] buffer = ArrayPool<byte>.Shared.Rent(declared is { } length and >= 0 ? (int)Math.Min(length + 1, MaxInitial) : ChunkedStart);
        int count = 0;
        try
        {
#if NET
            using Stream stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            int read;
            while ((read = await stream.ReadAsync(buffer.AsMemory(count), cancellationToken).ConfigureAwait(false)) > 0)
            {
                count += read;
                if (count == buffer.Length)
                {
                    buffer = Grow(buffer, count);
                }
            }
#else
            // The older HttpContent and stream APIs may not watch the token: cancelling disposes the response instead.
            using (cancellationToken.Register(static r => ((HttpResponseMessage)r!).Dispose(), response))
            {
                try
                {
                    using Stream stream = await content.ReadAsStreamAsync().ConfigureAwait(false);
                    int read;
                    while ((read = await stream.ReadAsync(buffer, count, buffer.Length - count, cancellationToken).ConfigureAwait(false)) > 0)
                    {
                        count += read;
                        if (count == buffer.Length)
                        {
                            buffer = Grow(buffer, count);
                        }
                    }
                }
                catch (Exception ex) when (cancellationToken.IsCancellationRequested && ex is not OperationCanceledException)
                {
                    throw new OperationCanceledException(null, ex, cancellationToken);
                }
            }
#endif
            return new ArraySegment<byte>(buffer, 0, count);
        }
        catch
        {
            ArrayPool<byte>.Shared.Return(buffer);
            throw;
        }
    }

    /// <summary>Gives a buffer from <see cref="ReadAsync"/> back to the pool.</summary>
    public static void Return(ArraySegment<byte> body)
    {
        if (body.Array is { Length: > 0 } array)
        {
            ArrayPool<byte>.Shared.Return(array);
        }
    }

    private static byte[] Grow(byte[] buffer, int count)
    {
        byte[] bigger = ArrayPool<byte>.Shared.Rent(checked(buffer.Length * 2));
        Buffer.BlockCopy(buffer, 0, bigger, 0, count);
        ArrayPool<byte>.Shared.Return(buffer);
        return bigger;
    }
}
