using System;
using System.IO;
using System.Collections.Generic;
using System.Net.Http;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace Assistants.Server.Hosting;

/// <summary>Carries an ASP.NET Core request to the server and its answer back, flushing streamed events as they come.</summary>
internal static class HttpContextBridge
{
    public static async Task HandleAsync(HttpContext context, AssistantsServer server)
    {
        HttpRequest source = context.Request;
        using var request = new HttpRequestMessage(new HttpMethod(source.Method), new Uri("http://localhost" + source.PathBase + source.Path + source.QueryString));
        request.Content = new StreamContent(source.Body);
        foreach (KeyValuePair<string, Microsoft.Extensions.Primitives.StringValues> header in source.Headers)
        {
            if (!request.Headers.TryAddWithoutValidation(header.Key, (IEnumerable<string>)header.Value))
            {
                request.Content.Headers.TryAddWithoutValidation(header.Key, (IEnumerable<string>)header.Value);
            }
        }

        using HttpResponseMessage response = await server.SendAsync(request, context.RequestAborted).ConfigureAwait(false);
        context.Response.StatusCode = (int)response.StatusCode;
        foreach (KeyValuePair<string, IEnumerable<string>> header in response.Headers)
        {
            context.Response.Headers[header.Key] = new Microsoft.Extensions.Primitives.StringValues([.. header.Value]);
        }

        foreach (KeyValuePair<string, IEnumerable<string>> header in response.Content.Headers)
        {
            context.Response.Headers[header.Key] = new Microsoft.Extensions.Primitives.StringValues([.. header.Value]);
        }

        context.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();
        Stream body = await response.Content.ReadAsStreamAsync(context.RequestAborted).ConfigureAwait(false);
        await using (body.ConfigureAwait(false))
        {
            byte[] buffer = new byte[16 * 1024];
            int read;
            while ((read = await body.ReadAsync(buffer, context.RequestAborted).ConfigureAwait(false)) > 0)
            {
                await context.Response.Body.WriteAsync(buffer.AsMemory(0, read), context.RequestAborted).ConfigureAwait(false);
                await context.Response.Body.FlushAsync(context.RequestAborted).ConfigureAwait(false);
            }
        }
    }
}
