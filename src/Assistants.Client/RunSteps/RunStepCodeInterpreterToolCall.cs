using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace Assistants.Client;

/// <summary>A call of the code interpreter tool in a run step.</summary>
public sealed class RunStepCodeInterpreterToolCall : RunStepToolCall
{
    /// <summary>Initializes an empty value, as deserialization and tests build it.</summary>
    public RunStepCodeInterpreterToolCall()
        : base("code_interpreter")
    {
    }

    /// <summary>Gets the code and its outputs.</summary>
    [JsonPropertyName("code_interpreter")]
    public RunStepCodeInterpreter? CodeInterpreter { get; init; }

    /// <summary>Gets the code the model ran.</summary>
    [JsonIgnore]
    public string? Input => CodeInterpreter?.Input;

    /// <summary>Gets the outputs: logs and images.</summary>
    [JsonIgnore]
    public IReadOnlyList<RunStepCodeInterpreterOutput>? Outputs => CodeInterpreter?.Outputs;
}
