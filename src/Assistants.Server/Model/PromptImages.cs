using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using Assistants.Server.Storage;
using Microsoft.Extensions.AI;

namespace Assistants.Server.Model;

/// <summary>
/// The image content parts of a thread's user messages as the model gets them: an <c>image_file</c> part as the
/// stored file's bytes (<see cref="DataContent"/>, media type from the file name), an <c>image_url</c> part as a link
/// (<see cref="UriContent"/>). The part's <c>detail</c> goes along as the <c>detail</c> additional property, which
/// Microsoft.Extensions.AI.OpenAI passes on as the image detail level.
/// </summary>
internal static class PromptImages
{
    /// <summary>Images larger than this are not passed to the model (the service's own limit for an image input).</summary>
    public const long MaxImageBytes = 20L * 1024 * 1024;

    /// <summary>
    /// Reads the stored images the <paramref name="messages"/> name in <c>image_file</c> parts, by file id. A file that
    /// is gone, larger than <see cref="MaxImageBytes"/> or not named as an image is left out of the prompt.
    /// </summary>
    public static async Task<IReadOnlyDictionary<string, DataContent>> LoadAsync(
        IServerStore docs, IReadOnlyList<StoredDoc> messages, CancellationToken cancellationToken)
    {
        Dictionary<string, DataContent> images = [];
        foreach (string fileId in messages.SelectMany(message => FileIdsOf(message.Json)).Distinct(StringComparer.Ordinal))
        {
            if (docs.Find(DocKinds.File, DocKinds.Root, fileId)?.Json is not { } file
                || MediaTypeOf((string?)file["filename"]) is not { } mediaType
                || ((long?)file["bytes"] ?? 0) > MaxImageBytes)
            {
                continue;
            }

            Stream? content = docs.OpenContent(fileId);
            if (content is null)
            {
                continue;
            }

            await using (content.ConfigureAwait(false))
            {
                using var bytes = new MemoryStream();
                await content.CopyToAsync(bytes, cancellationToken).ConfigureAwait(false);
                images[fileId] = new DataContent(bytes.ToArray(), mediaType) { Name = (string?)file["filename"] };
            }
        }

        return images;
    }

    /// <summary>The model's content for an image part, or <see langword="null"/> when it is not one or its file was left out.</summary>
    public static AIContent? ToContent(JsonObject part, IReadOnlyDictionary<string, DataContent> images)
    {
        AIContent? content = (string?)part["type"] switch
        {
            "image_file" when (string?)part["image_file"]?["file_id"] is { } fileId && images.TryGetValue(fileId, out DataContent? image) =>
                new DataContent(image.Data, image.MediaType) { Name = image.Name },
            "image_url" when (string?)part["image_url"]?["url"] is { } url => FromUrl(url),
            _ => null,
        };
        if (content is not null && (string?)part[(string)part["type"]!]?["detail"] is { } detail)
        {
            content.AdditionalProperties = new AdditionalPropertiesDictionary { ["detail"] = detail };
        }

        return content;
    }

    /// <summary>Whether a stored message has image parts.</summary>
    public static bool HasImages(JsonObject message) =>
        (message["content"] as JsonArray ?? []).Any(part => (string?)part?["type"] is "image_file" or "image_url");

    private static IEnumerable<string> FileIdsOf(JsonObject message) =>
        (string?)message["role"] != "user" ? []
        : (message["content"] as JsonArray ?? []).OfType<JsonObject>()
            .Where(part => (string?)part["type"] == "image_file")
            .Select(part => (string?)part["image_file"]?["file_id"])
            .OfType<string>();

    private static AIContent? FromUrl(string url)
    {
        if (url.StartsWith("data:", StringComparison.OrdinalIgnoreCase))
        {
            try
            {
                var data = new DataContent(url);
                return data.HasTopLevelMediaType("image") ? data : null;
            }
            catch (FormatException)
            {
                return null;
            }
            catch (ArgumentException)
            {
                return null;
            }
        }

        return Uri.TryCreate(url, UriKind.Absolute, out Uri? uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
            ? new UriContent(uri, MediaTypeOf(uri.AbsolutePath) ?? "image/*")
            : null;
    }

    /// <summary>The image media type of a file name's extension (the formats the service takes), or <see langword="null"/>.</summary>
    private static string? MediaTypeOf(string? fileName) => Path.GetExtension(fileName ?? "").ToUpperInvariant() switch
    {
        ".PNG" => "image/png",
        ".JPG" or ".JPEG" => "image/jpeg",
        ".GIF" => "image/gif",
        ".WEBP" => "image/webp",
        _ => null,
    };
}
