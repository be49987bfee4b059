using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace Assistants.Client;

/// <summary>The text of a <see cref="MessageTextContent"/> part with the citations and file paths it contains.</summary>
public sealed class MessageText : JsonModel
{
    /// <summary>Gets the text.</summary>
    [JsonPropertyName("value")]
    public string? Value { get; init; }

    /// <summary>Gets the annotations: spans of <see cref="Value"/> that cite a file or point to a generated file.</summary>
    [JsonPropertyName("annotations")]
    public IReadOnlyList<TextAnnotation>? Annotations { get; init; }
}
