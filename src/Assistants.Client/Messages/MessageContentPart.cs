using System.Text.Json.Serialization;
using Assistants.Client.Internal;

namespace Assistants.Client;

/// <summary>
/// One part of the content of a message to send: <c>text</c>, <c>image_file</c> or <c>image_url</c>. Create
/// one with <see cref="CreateText"/>, <see cref="CreateImageFile"/> or <see cref="CreateImageUrl(string, MessageImageDetail?)"/>.
/// </summary>
/// <remarks>
/// On requests a text part carries a plain string under <c>text</c>; the server answers with
/// <see cref="MessageContent"/> parts whose text is an object with a value and annotations.
/// </remarks>
public sealed class MessageContentPart : JsonModel
{
    /// <summary>Gets or sets the wire type of the part.</summary>
    /// <value>The default is <c>text</c>. Another value, with <see cref="JsonModel.AdditionalProperties"/>, sends a part type this library does not model.</value>
    [JsonPropertyName("type")]
    [JsonPropertyOrder(-1)]
    public string Type { get; set; } = "text";

    /// <summary>Gets or sets the text of a <c>text</c> part.</summary>
    /// <value>The default is <c>null</c>.</value>
    [JsonPropertyName("text")]
    public string? Text { get; set; }

    /// <summary>Gets or sets the image of an <c>image_file</c> part.</summary>
    /// <value>The default is <c>null</c>.</value>
    [JsonPropertyName("image_file")]
    public ImageFile? ImageFile { get; set; }

    /// <summary>Gets or sets the image of an <c>image_url</c> part.</summary>
    /// <value>The default is <c>null</c>.</value>
    [JsonPropertyName("image_url")]
    public ImageUrl? ImageUrl { get; set; }

    /// <summary>Creates a <c>text</c> part.</summary>
    /// <param name="text">The text.</param>
    /// <returns>The part.</returns>
    /// <exception cref="System.ArgumentNullException"><paramref name="text"/> is null.</exception>
    public static MessageContentPart CreateText(string text)
    {
        Argument.NotNull(text, nameof(text));
        return new MessageContentPart { Type = "text", Text = text };
    }

    /// <summary>Creates an <c>image_file</c> part from an uploaded file (purpose <c>vision</c>).</summary>
    /// <param name="fileId">The id of the file.</param>
    /// <param name="detail">How closely the model looks at the image, or <c>null</c> for the server's default.</param>
    /// <returns>The part.</returns>
    /// <exception cref="System.ArgumentException"><paramref name="fileId"/> is null or empty.</exception>
    public static MessageContentPart CreateImageFile(string fileId, MessageImageDetail? detail = null)
    {
        Argument.Id(fileId, nameof(fileId));
        return new MessageContentPart { Type = "image_file", ImageFile = new ImageFile { FileId = fileId, Detail = detail } };
    }

    /// <summary>Creates an <c>image_url</c> part from an image on the web.</summary>
    /// <param name="url">The URL of the image.</param>
    /// <param name="detail">How closely the model looks at the image, or <c>null</c> for the server's default.</param>
    /// <returns>The part.</returns>
    /// <exception cref="System.ArgumentException"><paramref name="url"/> is null or empty.</exception>
    public static MessageContentPart CreateImageUrl(string url, MessageImageDetail? detail = null)
    {
        Argument.NotNullOrEmpty(url, nameof(url));
        return new MessageContentPart { Type = "image_url", ImageUrl = new ImageUrl { Url = url, Detail = detail } };
    }

    /// <summary>Creates an <c>image_url</c> part from an image on the web.</summary>
    /// <param name="url">The URL of the image.</param>
    /// <param name="detail">How closely the model looks at the image, or <c>null</c> for the server's default.</param>
    /// <returns>The part.</returns>
    /// <exception cref="System.ArgumentNullException"><paramref name="url"/> is null.</exception>
    public static MessageContentPart CreateImageUrl(System.Uri url, MessageImageDetail? detail = null)
    {
        Argument.NotNull(url, nameof(url));
        return CreateImageUrl(url.AbsoluteUri, detail);
    }

    internal bool IsPlainText
        => Type == "text" && Text is not null && ImageFile is null && ImageUrl is null && (AdditionalProperties is null || AdditionalProperties.Count == 0);
}
