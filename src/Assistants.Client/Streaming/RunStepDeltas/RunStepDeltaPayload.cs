using System.Text.Json.Serialization;

namespace Assistants.Client;

/// <summary>The changed fields of a run step delta.</summary>
public sealed class RunStepDeltaPayload : JsonModel
{
    /// <summary>Gets the changed step details.</summary>
    [JsonPropertyName("step_details")]
    public RunStepDeltaDetails? StepDetails { get; init; }
}
