using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace Assistants.Client;

/// <summary>The changes to a run; only its metadata can change.</summary>
public sealed class RunModificationOptions : JsonModel
{
    /// <summary>Gets or sets up to 16 key-value pairs (keys up to 64, values up to 512 characters); they replace the run's.</summary>
    /// <value>The default is <c>null</c>: not sent.</value>
    [JsonPropertyName("metadata")]
    public IDictionary<string, string>? Metadata { get; set; }
}
