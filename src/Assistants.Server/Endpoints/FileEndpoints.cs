using System;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading;
using System.Runtime.CompilerServices;
using System.Threading.Tasks;
using Assistants.Server.Errors;
using Assistants.Server.Json;
using Assistants.Server.Routing;
using Assistants.Server.Storage;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

namespace Assistants.Server.Endpoints;

/// <summary><c>/files</c>: multipart upload, list, retrieve, delete, content. Files are processed at once.</summary>
internal sealed class FileEndpoints(ServerContext context)
{
    private static readonly string[] s_purposes = ["fine-tune", "assistants", "batch", "user_data", "vision", "evals"];

    public async Task<HttpResponseMessage> UploadAsync(ApiRequest request, CancellationToken cancellationToken)
    {
        string? boundary = request.Message.Content?.Headers.ContentType?.Parameters
            .FirstOrDefault(parameter => parameter.Name.Equals("boundary", StringComparison.OrdinalIgnoreCase))?.Value;
        if (request.Message.Content is null || string.IsNullOrEmpty(boundary))
        {
            throw new ApiException(HttpStatusCode.BadRequest, "Missing required parameter: 'file'.", "file", withDetail: true);
        }

        string? purpose = null;
        string? fileName = null;
        long? length = null;
        string id = context.State.NewId("file-");
        UploadBody body = await UploadBody.OpenAsync(request.Message.Content, cancellationToken).ConfigureAwait(false);
        await using ConfiguredAsyncDisposable bodyScope = body.ConfigureAwait(false);
        var reader = new MultipartReader(HeaderUtilities.RemoveQuotes(boundary).ToString(), body.Stream);
        try
        {
            while (await reader.ReadNextSectionAsync(cancellationToken).ConfigureAwait(false) is MultipartSection section)
            {
                ContentDispositionHeaderValue? disposition = section.GetContentDispositionHeader();
                string name = HeaderUtilities.RemoveQuotes(disposition?.Name ?? "").ToString();
                if (name == "file" && length is null)
                {
                    // Streamed straight to storage: the upload never sits whole in memory.
                    length = await context.Docs.WriteContentAsync(id, section.Body, cancellationToken).ConfigureAwait(false);
                    fileName = HeaderUtilities.RemoveQuotes(disposition!.FileNameStar.HasValue ? disposition.FileNameStar : disposition.FileName).ToString();
                }
                else if (name == "purpose")
                {
                    using var purposeReader = new StreamReader(section.Body, Encoding.UTF8);
                    purpose = await purposeReader.ReadToEndAsync(cancellationToken).ConfigureAwait(false);
                }
                else
                {
                    await section.Body.CopyToAsync(Stream.Null, cancellationToken).ConfigureAwait(false);
                }
            }

            if (purpose is null)
            {
                throw new ApiException(HttpStatusCode.BadRequest, "Missing required parameter: 'purpose'.", "purpose", withDetail: true);
            }

            if (!s_purposes.Contains(purpose))
            {
                throw new ApiException(HttpStatusCode.BadRequest,
                    $"'{purpose}' is not one of ['fine-tune', 'assistants', 'batch', 'user_data', 'vision', 'evals'] - 'purpose'", "purpose", withDetail: true);
            }

            if (length is null)
            {
                throw new ApiException(HttpStatusCode.BadRequest, "Missing required parameter: 'file'.", "file", withDetail: true);
            }
        }
        catch
        {
            context.Docs.DeleteContent(id);
            throw;
        }

        JsonObject json = FileJson.Create(id, purpose, fileName ?? "file", length.Value, context.State.Now());
        context.Docs.Save([new StoredDoc(DocKinds.File, DocKinds.Root, id, json)]);
        return Responses.Json(json);
    }

    public HttpResponseMessage Retrieve(string id) => Responses.Json(Find(id).Json);

    public HttpResponseMessage Content(string id)
    {
        Find(id);
        Stream stream = context.Docs.OpenContent(id) ?? throw ApiErrors.FileNotFound(id);
        var content = new StreamContent(stream);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/octet-stream");
        return new HttpResponseMessage(HttpStatusCode.OK) { Content = content };
    }

    public HttpResponseMessage Delete(string id)
    {
        if (!context.Docs.Delete(DocKinds.File, DocKinds.Root, id))
        {
            throw ApiErrors.FileNotFound(id);
        }

        context.Docs.DeleteContent(id);
        return Responses.Json(new JsonObject { ["object"] = "file", ["deleted"] = true, ["id"] = id });
    }

    public HttpResponseMessage List(ApiRequest request)
    {
        string? purpose = request.Query("purpose");
        var items = ServerContext.Items(context.Docs.List(DocKinds.File, DocKinds.Root))
            .Where(pair => purpose is null || (string?)pair.Value["purpose"] == purpose);
        return Responses.Json(Pagination.Page(request, items));
    }

    private StoredDoc Find(string id) => context.Docs.Find(DocKinds.File, DocKinds.Root, id) ?? throw ApiErrors.FileNotFound(id);
}
