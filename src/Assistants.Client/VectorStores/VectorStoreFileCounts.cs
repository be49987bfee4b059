using System.Text.Json.Serialization;

namespace Assistants.Client;

/// <summary>How many files of a vector store or a file batch are in each processing state.</summary>
public sealed class VectorStoreFileCounts : JsonModel
{
    /// <summary>Gets the number of files still being processed.</summary>
    [JsonPropertyName("in_progress")]
    public int InProgress { get; init; }

    /// <summary>Gets the number of files processed successfully.</summary>
    [JsonPropertyName("completed")]
    public int Completed { get; init; }

    /// <summary>Gets the number of files whose processing failed.</summary>
    [JsonPropertyName("failed")]
    public int Failed { get; init; }

    /// <summary>Gets the number of files whose processing was cancelled.</summary>
    [JsonPropertyName("cancelled")]
    public int Cancelled { get; init; }

    /// <summary>Gets the total number of files.</summary>
    [JsonPropertyName("total")]
    public int Total { get; init; }
}
