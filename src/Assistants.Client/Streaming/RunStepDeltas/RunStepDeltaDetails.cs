using System.Text.Json.Serialization;

namespace Assistants.Client;

/// <summary>
/// The changed details of a streamed run step.
/// Known parts: <see cref="RunStepMessageCreationDeltaDetails"/>, <see cref="RunStepToolCallsDeltaDetails"/>; others arrive as <see cref="UnknownRunStepDeltaDetails"/>.
/// </summary>
[JsonConverter(typeof(Serialization.RunStepDeltaDetailsConverter))]
public abstract class RunStepDeltaDetails : JsonModel
{
    /// <summary>Initializes a part of the given wire type.</summary>
    /// <param name="type">The wire type.</param>
    protected RunStepDeltaDetails(string type) => Type = type;

    /// <summary>Gets the wire type of this part.</summary>
    [JsonPropertyName("type")]
    [JsonPropertyOrder(-1)]
    public string Type { get; init; }
}
