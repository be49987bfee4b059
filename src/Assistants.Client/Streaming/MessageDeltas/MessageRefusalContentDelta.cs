using System.Text.Json.Serialization;

namespace Assistants.Client;

/// <summary>A refusal fragment of a streamed message (<c>type: refusal</c>).</summary>
public sealed class MessageRefusalContentDelta : MessageContentDelta
{
    /// <summary>Initializes an empty delta part of type <c>refusal</c>.</summary>
    public MessageRefusalContentDelta()
        : base("refusal")
    {
    }

    /// <summary>Gets the refusal text to append.</summary>
    [JsonPropertyName("refusal")]
    public string? Refusal { get; init; }
}
