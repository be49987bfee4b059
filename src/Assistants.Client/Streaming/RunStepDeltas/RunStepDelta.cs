using System.Text.Json.Serialization;

namespace Assistants.Client;

/// <summary>The data of a <c>thread.run.step.delta</c> event: the fields of a run step that changed while it streams.</summary>
public sealed class RunStepDelta : JsonModel
{
    /// <summary>Gets the id of the run step the delta belongs to.</summary>
    [JsonPropertyName("id")]
    public string? Id { get; init; }

    /// <summary>Gets the object type, <c>thread.run.step.delta</c>.</summary>
    [JsonPropertyName("object")]
    public string? Object { get; init; }

    /// <summary>Gets the changed fields.</summary>
    [JsonPropertyName("delta")]
    public RunStepDeltaPayload? Delta { get; init; }
}
