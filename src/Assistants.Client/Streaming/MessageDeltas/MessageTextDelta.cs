using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace Assistants.Client;

/// <summary>A fragment of text and the annotations that changed with it.</summary>
public sealed class MessageTextDelta : JsonModel
{
    /// <summary>Gets the text to append to the part.</summary>
    [JsonPropertyName("value")]
    public string? Value { get; init; }

    /// <summary>Gets the annotations that changed, each with its own <c>index</c>; <c>null</c> when the fragment carries none.</summary>
    [JsonPropertyName("annotations")]
    public IReadOnlyList<TextAnnotationDelta>? Annotations { get; init; }
}
