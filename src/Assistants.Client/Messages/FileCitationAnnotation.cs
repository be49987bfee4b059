using System.Text.Json.Serialization;

namespace Assistants.Client;

/// <summary>A <c>file_citation</c> annotation: the <c>file_search</c> tool quoted a file.</summary>
public sealed class FileCitationAnnotation : TextAnnotation
{
    /// <summary>Initializes an empty citation.</summary>
    public FileCitationAnnotation()
        : base("file_citation")
    {
    }

    /// <summary>Gets the cited file.</summary>
    [JsonPropertyName("file_citation")]
    public FileCitation? FileCitation { get; init; }

    /// <summary>Gets the id of the cited file (a shortcut to <see cref="FileCitation"/>).</summary>
    [JsonIgnore]
    public string? FileId => FileCitation?.FileId;
}
