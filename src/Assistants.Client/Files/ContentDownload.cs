using System.IO;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace Assistants.Client.Internal;

/// <summary>Sends a request through the pipeline and hands back its body as a lazily read stream.</summary>
internal static class ContentDownload
{
    public static async Task<FileContentStream> SendAsync(ClientPipeline pipeline, ApiOperation operation, HttpRequestMessage request, CancellationToken cancellationToken)
    {
        using (request)
        {
            // ResponseHeadersRead: the body stays on the wire until the caller reads it.
            HttpResponseMessage response = await pipeline.SendAsync(operation, request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
            try
            {
#if NET5_0_OR_GREATER
                Stream body = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
#else
                Stream body = await response.Content.ReadAsStreamAsync().ConfigureAwait(false);
#endif
                return new FileContentStream(body, response, ResponseInfo.From(response, pipeline.Secrets));
            }
            catch
            {
                response.Dispose();
                throw;
            }
        }
    }
}
