using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace Assistants.Client;

/// <summary>The code part of a <see cref="RunStepCodeInterpreterToolCall"/>.</summary>
public sealed class RunStepCodeInterpreter : JsonModel
{
    /// <summary>Gets the code the model ran.</summary>
    [JsonPropertyName("input")]
    public string? Input { get; init; }

    /// <summary>Gets the outputs: logs and images.</summary>
    [JsonPropertyName("outputs")]
    public IReadOnlyList<RunStepCodeInterpreterOutput>? Outputs { get; init; }
}
