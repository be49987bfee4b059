using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace Assistants.Client;

/// <summary>The changed fields of a streamed code interpreter call.</summary>
public sealed class RunStepCodeInterpreterDelta : JsonModel
{
    /// <summary>Gets the fragment of the code input to append.</summary>
    [JsonPropertyName("input")]
    public string? Input { get; init; }

    /// <summary>Gets the outputs that changed, each with its own <c>index</c>.</summary>
    [JsonPropertyName("outputs")]
    public IReadOnlyList<CodeInterpreterOutputDelta>? Outputs { get; init; }
}
