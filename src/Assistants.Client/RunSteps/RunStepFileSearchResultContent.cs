using System.Text.Json.Serialization;

namespace Assistants.Client;

/// <summary>A part of the content of a file search result.</summary>
public sealed class RunStepFileSearchResultContent : JsonModel
{
    /// <summary>Gets the content type, <c>text</c>.</summary>
    [JsonPropertyName("type")]
    public string? Type { get; init; }

    /// <summary>Gets the text.</summary>
    [JsonPropertyName("text")]
    public string? Text { get; init; }
}
