using System.Text.Json.Serialization;

namespace Assistants.Client;

/// <summary>An image on the web, as sent in and returned with a message.</summary>
public sealed class ImageUrl : JsonModel
{
    /// <summary>Gets or sets the URL of the image (png, jpeg, gif or webp).</summary>
    /// <value>The default is <c>null</c>.</value>
    [JsonPropertyName("url")]
    public string? Url { get; set; }

    /// <summary>Gets or sets how closely the model looks at the image.</summary>
    /// <value>The default is <c>null</c>: the server's default (<see cref="MessageImageDetail.Auto"/>).</value>
    [JsonPropertyName("detail")]
    public MessageImageDetail? Detail { get; set; }
}
