using System;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using Assistants.Server.Errors;
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
        byte[]? bytes = null;
        Stream body = await request.Message.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        var reader = new MultipartReader(HeaderUtilities.RemoveQuotes(boundary).ToString(), body);
        while (await reader.ReadNextSectionAsync(cancellationToken).ConfigureAwait(false) is MultipartSection section)
        {
            ContentDispositionHeaderValue? disposition = section.GetContentDispositionHeader();
            string name = HeaderUtilities.RemoveQuotes(disposition?.Name ?? "").ToString();
            using var buffer = new MemoryStream();
            await section.Body.CopyToAsync(buffer, cancellationToken).ConfigureAwait(false);
            if (name == "file")
            {
                bytes = buffer.ToArray();
                fileName = HeaderUtilities.RemoveQuotes(disposition!.FileNameStar.HasValue ? disposition.FileNameStar : disposition.FileName).ToString();
            }
            else if (name == "purpose")
            {
                purpose = System.Text.Encoding.UTF8.GetString(buffer.ToArray());
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

        if (bytes is null)
        {
            throw new ApiException(HttpStatusCode.BadRequest, "Missing required parameter: 'file'.", "file", withDetail: true);
        }

        lock (context.Store.Gate)
        {
            string id = context.Store.NewId("file-");
            var json = new JsonObject
            {
                ["object"] = "file",
                ["id"] = id,
                ["purpose"] = purpose,
                ["filename"] = fileName ?? "file",
                ["bytes"] = bytes.Length,
                ["created_at"] = context.Store.Now(),
                ["expires_at"] = null,
                ["status"] = "processed",
                ["status_details"] = null,
            };
            context.Store.Files.Add(id, new StoredFile(id, json, bytes));
            return Responses.Json(json.DeepClone());
        }
    }

    public HttpResponseMessage Retrieve(string id)
    {
        lock (context.Store.Gate)
        {
            return Responses.Json(Find(id).Json.DeepClone());
        }
    }

    public HttpResponseMessage Content(string id)
    {
        lock (context.Store.Gate)
        {
            var content = new ByteArrayContent(Find(id).Content);
            content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/octet-stream");
            return new HttpResponseMessage(HttpStatusCode.OK) { Content = content };
        }
    }

    public HttpResponseMessage Delete(string id)
    {
        lock (context.Store.Gate)
        {
            Find(id);
            context.Store.Files.Remove(id);
            return Responses.Json(new JsonObject { ["object"] = "file", ["deleted"] = true, ["id"] = id });
        }
    }

    public HttpResponseMessage List(ApiRequest request)
    {
        string? purpose = request.Query("purpose");
        lock (context.Store.Gate)
        {
            var items = ServerContext.Snapshots(context.Store.Files, file => file.Json.DeepClone())
                .Where(pair => purpose is null || (string?)pair.Value["purpose"] == purpose);
            return Responses.Json(Pagination.Page(request, items));
        }
    }

    private StoredFile Find(string id) => context.Store.Files.Find(id) ?? throw ApiErrors.FileNotFound(id);
}
