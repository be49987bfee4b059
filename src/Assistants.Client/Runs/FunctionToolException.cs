using System;

namespace Assistants.Client;

/// <summary>
/// A registered function threw, or the run called a function that is not registered, while
/// <see cref="FunctionToolRegistry.ThrowOnError"/> is on. (By default the model gets an error output instead.)
/// </summary>
public class FunctionToolException : Exception
{
    /// <summary>Initializes a new instance.</summary>
    /// <param name="message">The message.</param>
    /// <param name="toolCallId">The id of the tool call that failed.</param>
    /// <param name="functionName">The function the run called.</param>
    /// <param name="innerException">What the function threw; <c>null</c> for an unknown function.</param>
    public FunctionToolException(string message, string? toolCallId, string? functionName, Exception? innerException = null)
        : base(message, innerException)
    {
        ToolCallId = toolCallId;
        FunctionName = functionName;
    }

    /// <summary>Gets the id of the tool call that failed.</summary>
    public string? ToolCallId { get; }

    /// <summary>Gets the function the run called.</summary>
    public string? FunctionName { get; }
}
