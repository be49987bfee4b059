using System.Text.Json.Serialization;

namespace Assistants.Client;

/// <summary>
/// A tool an assistant or a run may use: <see cref="CodeInterpreterToolDefinition"/>,
/// <see cref="FileSearchToolDefinition"/>, <see cref="FunctionToolDefinition"/>, or
/// <see cref="UnknownToolDefinition"/> for a type this library does not know.
/// </summary>
[JsonConverter(typeof(Serialization.ToolDefinitionConverter))]
public abstract class ToolDefinition : JsonModel
{
    /// <summary>Initializes a tool definition of the given wire type.</summary>
    /// <param name="type">The wire type, such as <c>function</c>.</param>
    protected ToolDefinition(string type) => Type = type;

    /// <summary>Gets the wire type of the tool, such as <c>code_interpreter</c>.</summary>
    [JsonPropertyName("type")]
    [JsonPropertyOrder(-1)]
    public string Type { get; init; }

    /// <summary>Creates a <c>code_interpreter</c> tool.</summary>
    /// <returns>The tool definition.</returns>
    public static CodeInterpreterToolDefinition CreateCodeInterpreter() => new();

    /// <summary>Creates a <c>file_search</c> tool.</summary>
    /// <param name="maxResults">The maximum number of results the tool returns, or <c>null</c> for the server's default.</param>
    /// <returns>The tool definition.</returns>
    public static FileSearchToolDefinition CreateFileSearch(int? maxResults = null)
        => new() { FileSearch = maxResults is null ? null : new FileSearchToolOptions { MaxNumResults = maxResults } };

    /// <summary>Creates a <c>function</c> tool.</summary>
    /// <param name="name">The function name the model calls.</param>
    /// <param name="description">What the function does, for the model.</param>
    /// <param name="parameters">The JSON schema of the arguments.</param>
    /// <returns>The tool definition.</returns>
    public static FunctionToolDefinition CreateFunction(string name, string? description = null, System.Text.Json.JsonElement? parameters = null)
        => new(name, description, parameters);
}
