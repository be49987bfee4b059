using System.Text.Json.Serialization;

namespace Assistants.Client;

/// <summary>A streamed function tool call (<c>type: function</c>).</summary>
public sealed class RunStepFunctionToolCallDelta : RunStepToolCallDelta
{
    /// <summary>Initializes an empty delta part of type <c>function</c>.</summary>
    public RunStepFunctionToolCallDelta()
        : base("function")
    {
    }

    /// <summary>Gets the function fields that changed.</summary>
    [JsonPropertyName("function")]
    public RunStepFunctionDelta? Function { get; init; }
}
