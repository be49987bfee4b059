using System.Text.Json.Serialization;

namespace Assistants.Client;

/// <summary>A streamed code interpreter tool call (<c>type: code_interpreter</c>).</summary>
public sealed class RunStepCodeInterpreterToolCallDelta : RunStepToolCallDelta
{
    /// <summary>Initializes an empty delta part of type <c>code_interpreter</c>.</summary>
    public RunStepCodeInterpreterToolCallDelta()
        : base("code_interpreter")
    {
    }

    /// <summary>Gets the code interpreter fields that changed.</summary>
    [JsonPropertyName("code_interpreter")]
    public RunStepCodeInterpreterDelta? CodeInterpreter { get; init; }
}
