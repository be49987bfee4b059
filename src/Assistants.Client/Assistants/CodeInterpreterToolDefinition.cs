namespace Assistants.Client;

/// <summary>The <c>code_interpreter</c> tool: the model writes and runs code in a sandbox.</summary>
public sealed class CodeInterpreterToolDefinition : ToolDefinition
{
    /// <summary>Initializes a <c>code_interpreter</c> tool.</summary>
    public CodeInterpreterToolDefinition()
        : base("code_interpreter")
    {
    }
}
