using System.Text.Json;
using System.Text.Json.Serialization;

namespace Assistants.Client;

/// <summary>The definition of a function the model may call.</summary>
public sealed class FunctionDefinition : JsonModel
{
    /// <summary>Gets or sets the function name (a-z, A-Z, 0-9, underscores and dashes, at most 64 characters).</summary>
    /// <value>The default is empty: set it before sending. Empty also when the server left the field out, which then stays out
    /// when the model is written again.</value>
    [JsonIgnore]
    public string Name { get => WireName ?? string.Empty; set => WireName = value; }

    /// <summary>The <c>name</c> as it was on the wire: <c>null</c> when absent, so it is not written back as <c>""</c>.</summary>
    [JsonInclude]
    [JsonPropertyName("name")]
    internal string? WireName { get; set; }

    /// <summary>Gets or sets what the function does, for the model.</summary>
    /// <value>The default is <c>null</c>.</value>
    [JsonPropertyName("description")]
    public string? Description { get; set; }

    /// <summary>Gets or sets the JSON schema of the arguments.</summary>
    /// <value>The default is <c>null</c>: a function without parameters.</value>
    [JsonPropertyName("parameters")]
    public JsonElement? Parameters { get; set; }

    /// <summary>Gets or sets a value indicating whether the model must follow the schema exactly.</summary>
    /// <value>The default is <c>null</c>: the server's default (not strict).</value>
    [JsonPropertyName("strict")]
    public bool? Strict { get; set; }
}
