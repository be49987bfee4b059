using System.Text.Json.Serialization;

namespace Assistants.Client;

/// <summary>
/// What a run step did: <see cref="RunStepMessageCreationDetails"/>, <see cref="RunStepToolCallDetails"/>, or <see cref="UnknownRunStepDetails"/> for a type this library does not know.
/// </summary>
[JsonConverter(typeof(Serialization.RunStepDetailsConverter))]
public abstract class RunStepDetails : JsonModel
{
    private protected RunStepDetails(string type) => Type = type;

    /// <summary>Gets the wire type.</summary>
    [JsonPropertyName("type")]
    [JsonPropertyOrder(-1)]
    public string Type { get; init; }
}
