using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace Assistants.Client;

/// <summary>The optional parts of a new thread: its first messages, tool resources and metadata.</summary>
public sealed class ThreadCreationOptions : JsonModel
{
    /// <summary>Gets or sets the messages the thread starts with.</summary>
    /// <value>The default is <c>null</c>: an empty thread.</value>
    [JsonPropertyName("messages")]
    public IList<ThreadInitializationMessage>? Messages { get; set; }

    /// <summary>Gets or sets the files and vector stores the tools can reach in this thread.</summary>
    /// <value>The default is <c>null</c>: not sent.</value>
    [JsonPropertyName("tool_resources")]
    public ToolResources? ToolResources { get; set; }

    /// <summary>Gets or sets up to 16 key-value pairs (keys up to 64, values up to 512 characters).</summary>
    /// <value>The default is <c>null</c>: not sent.</value>
    [JsonPropertyName("metadata")]
    public IDictionary<string, string>? Metadata { get; set; }
}
