using System.Text.Json.Serialization;

namespace Assistants.Client;

/// <summary>An image the code produced (<c>image</c>).</summary>
public sealed class RunStepCodeInterpreterImageOutput : RunStepCodeInterpreterOutput
{
    /// <summary>Initializes an empty value, as deserialization and tests build it.</summary>
    public RunStepCodeInterpreterImageOutput()
        : base("image")
    {
    }

    /// <summary>Gets the image file.</summary>
    [JsonPropertyName("image")]
    public RunStepCodeInterpreterImage? Image { get; init; }

    /// <summary>Gets the id of the image file.</summary>
    [JsonIgnore]
    public string? FileId => Image?.FileId;
}
