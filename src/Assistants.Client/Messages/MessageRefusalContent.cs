using System.Text.Json.Serialization;

namespace Assistants.Client;

/// <summary>A <c>refusal</c> content part: the model declined to answer.</summary>
public sealed class MessageRefusalContent : MessageContent
{
    /// <summary>Initializes an empty refusal part.</summary>
    public MessageRefusalContent()
        : base("refusal")
    {
    }

    /// <summary>Gets the model's explanation of the refusal.</summary>
    [JsonPropertyName("refusal")]
    public string? Refusal { get; init; }
}
