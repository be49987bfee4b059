using System.Text.Json.Serialization;

namespace Assistants.Client;

/// <summary>The files the tools of an assistant, thread or run can reach.</summary>
public sealed class ToolResources : JsonModel
{
    /// <summary>Gets or sets the files the <c>code_interpreter</c> tool can read.</summary>
    /// <value>The default is <c>null</c>: none set.</value>
    [JsonPropertyName("code_interpreter")]
    public CodeInterpreterToolResources? CodeInterpreter { get; set; }

    /// <summary>Gets or sets the vector stores the <c>file_search</c> tool searches.</summary>
    /// <value>The default is <c>null</c>: none set.</value>
    [JsonPropertyName("file_search")]
    public FileSearchToolResources? FileSearch { get; set; }
}
