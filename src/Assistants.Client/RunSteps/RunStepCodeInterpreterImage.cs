using System.Text.Json.Serialization;

namespace Assistants.Client;

/// <summary>The image file of a <see cref="RunStepCodeInterpreterImageOutput"/>.</summary>
public sealed class RunStepCodeInterpreterImage : JsonModel
{
    /// <summary>Gets the file id.</summary>
    [JsonPropertyName("file_id")]
    public string? FileId { get; init; }
}
