using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace Assistants.Client;

/// <summary>The changes to make to a message; only its metadata can change.</summary>
public sealed class MessageModificationOptions : JsonModel
{
    /// <summary>Gets or sets up to 16 key-value pairs (keys up to 64, values up to 512 characters), replacing the old ones.</summary>
    /// <value>The default is <c>null</c>: unchanged.</value>
    [JsonPropertyName("metadata")]
    public IDictionary<string, string>? Metadata { get; set; }
}
