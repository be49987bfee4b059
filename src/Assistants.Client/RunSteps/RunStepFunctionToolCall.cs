using System.Text.Json.Serialization;

namespace Assistants.Client;

/// <summary>A call of a function tool in a run step.</summary>
public sealed class RunStepFunctionToolCall : RunStepToolCall
{
    /// <summary>Initializes an empty value, as deserialization and tests build it.</summary>
    public RunStepFunctionToolCall()
        : base("function")
    {
    }

    /// <summary>Gets the function, its arguments and its output.</summary>
    [JsonPropertyName("function")]
    public RunStepFunction? Function { get; init; }

    /// <summary>Gets the function name.</summary>
    [JsonIgnore]
    public string? FunctionName => Function?.Name;

    /// <summary>Gets the arguments as a JSON string.</summary>
    [JsonIgnore]
    public string? FunctionArguments => Function?.Arguments;

    /// <summary>Gets the output submitted for the call; <c>null</c> until it is submitted.</summary>
    [JsonIgnore]
    public string? FunctionOutput => Function?.Output;
}
