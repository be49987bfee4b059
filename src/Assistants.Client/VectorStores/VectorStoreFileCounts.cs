using System.Text.Json.Serialization;

namespace Assistants.Client;

/// <summary>How many files of a vector store or a file batch are in each processing state.</summary>
public sealed class VectorStoreFileCounts : JsonModel
{
    /// <summary>Gets the number of files still being processed.</summary>
    /// <value><c>null</c> when the server left the field out.</value>
    [JsonPropertyName("in_progress")]
    public int? InProgress { get; init; }

    /// <summary>Gets the number of files processed successfully.</summary>
    /// <value><c>null</c> when the server left the field out.</value>
    [JsonPropertyName("completed")]
    public int? Completed { get; init; }

    /// <summary>Gets the number of files whose processing failed.</summary>
    /// <value><c>null</c> when the server left the field out.</value>
    [JsonPropertyName("failed")]
    public int? Failed { get; init; }

    /// <summary>Gets the number of files whose processing was cancelled.</summary>
    /// <value><c>null</c> when the server left the field out.</value>
    [JsonPropertyName("cancelled")]
    public int? Cancelled { get; init; }

    /// <summary>Gets the total number of files.</summary>
    /// <value><c>null</c> when the server left the field out.</value>
    [JsonPropertyName("total")]
    public int? Total { get; init; }
}
