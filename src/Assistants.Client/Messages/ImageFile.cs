using System.Text.Json.Serialization;

namespace Assistants.Client;

/// <summary>An image uploaded as a file (purpose <c>vision</c>), as sent in and returned with a message.</summary>
public sealed class ImageFile : JsonModel
{
    /// <summary>Gets or sets the id of the file.</summary>
    /// <value>The default is <c>null</c>.</value>
    [JsonPropertyName("file_id")]
    public string? FileId { get; set; }

    /// <summary>Gets or sets how closely the model looks at the image.</summary>
    /// <value>The default is <c>null</c>: the server's default (<see cref="MessageImageDetail.Auto"/>).</value>
    [JsonPropertyName("detail")]
    public MessageImageDetail? Detail { get; set; }
}
