using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace Assistants.Client;

/// <summary>The files made available to the <c>code_interpreter</c> tool.</summary>
public sealed class CodeInterpreterToolResources : JsonModel
{
    /// <summary>Gets or sets the ids of the files (at most 20).</summary>
    /// <value>The default is <c>null</c>: none.</value>
    [JsonPropertyName("file_ids")]
    public IList<string>? FileIds { get; set; }
}
