using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace Assistants.Client;

/// <summary>The changes to make to a thread; properties left <c>null</c> are not sent and keep their value.</summary>
public sealed class ThreadModificationOptions : JsonModel
{
    /// <summary>Gets or sets the files and vector stores the tools can reach in this thread.</summary>
    /// <value>The default is <c>null</c>: unchanged.</value>
    [JsonPropertyName("tool_resources")]
    public ToolResources? ToolResources { get; set; }

    /// <summary>Gets or sets up to 16 key-value pairs (keys up to 64, values up to 512 characters), replacing the old ones.</summary>
    /// <value>The default is <c>null</c>: unchanged.</value>
    [JsonPropertyName("metadata")]
    public IDictionary<string, string>? Metadata { get; set; }
}
