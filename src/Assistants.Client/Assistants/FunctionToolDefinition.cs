using System.Text.Json;
using System.Text.Json.Serialization;

namespace Assistants.Client;

/// <summary>A <c>function</c> tool: the model asks the caller to run a function and return its output.</summary>
public sealed class FunctionToolDefinition : ToolDefinition
{
    /// <summary>Initializes a <c>function</c> tool with an empty definition (used when reading JSON).</summary>
    public FunctionToolDefinition()
        : base("function")
    {
        Function = new FunctionDefinition();
    }

    /// <summary>Initializes a <c>function</c> tool.</summary>
    /// <param name="name">The function name the model calls.</param>
    /// <param name="description">What the function does, for the model.</param>
    /// <param name="parameters">The JSON schema of the arguments.</param>
    public FunctionToolDefinition(string name, string? description = null, JsonElement? parameters = null)
        : base("function")
    {
        Internal.Argument.NotNullOrEmpty(name, nameof(name));
        Function = new FunctionDefinition { Name = name, Description = description, Parameters = parameters };
    }

    /// <summary>Gets or sets the function's name, description and parameter schema.</summary>
    [JsonPropertyName("function")]
    public FunctionDefinition Function { get; set; }
}
