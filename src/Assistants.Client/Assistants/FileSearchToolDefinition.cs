using System.Text.Json.Serialization;

namespace Assistants.Client;

/// <summary>The <c>file_search</c> tool: the model searches the vector stores of its tool resources.</summary>
public sealed class FileSearchToolDefinition : ToolDefinition
{
    /// <summary>Initializes a <c>file_search</c> tool.</summary>
    public FileSearchToolDefinition()
        : base("file_search")
    {
    }

    /// <summary>Gets or sets the tool's options.</summary>
    /// <value>The default is <c>null</c>: the server's defaults.</value>
    [JsonPropertyName("file_search")]
    public FileSearchToolOptions? FileSearch { get; set; }
}
