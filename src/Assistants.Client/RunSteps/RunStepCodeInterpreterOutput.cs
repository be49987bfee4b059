using System.Text.Json.Serialization;

namespace Assistants.Client;

/// <summary>
/// An output of a code interpreter call: <see cref="RunStepCodeInterpreterLogOutput"/>, <see cref="RunStepCodeInterpreterImageOutput"/>, or <see cref="UnknownRunStepCodeInterpreterOutput"/> for a type this library does not know.
/// </summary>
[JsonConverter(typeof(Serialization.RunStepCodeInterpreterOutputConverter))]
public abstract class RunStepCodeInterpreterOutput : JsonModel
{
    private protected RunStepCodeInterpreterOutput(string type) => Type = type;

    /// <summary>Gets the wire type.</summary>
    [JsonPropertyName("type")]
    [JsonPropertyOrder(-1)]
    public string Type { get; init; }
}
