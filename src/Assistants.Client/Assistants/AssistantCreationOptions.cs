using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace Assistants.Client;

/// <summary>The optional parts of a new assistant; the model is a parameter of <see cref="AssistantsClient.CreateAsync"/>.</summary>
public class AssistantCreationOptions : JsonModel
{
    /// <summary>Gets or sets the name (at most 256 characters).</summary>
    /// <value>The default is <c>null</c>: not sent.</value>
    [JsonPropertyName("name")]
    public string? Name { get; set; }

    /// <summary>Gets or sets the description (at most 512 characters).</summary>
    /// <value>The default is <c>null</c>: not sent.</value>
    [JsonPropertyName("description")]
    public string? Description { get; set; }

    /// <summary>Gets or sets the system instructions.</summary>
    /// <value>The default is <c>null</c>: not sent.</value>
    [JsonPropertyName("instructions")]
    public string? Instructions { get; set; }

    /// <summary>Gets or sets the tools (at most 128).</summary>
    /// <value>The default is <c>null</c>: not sent.</value>
    [JsonPropertyName("tools")]
    public IList<ToolDefinition>? Tools { get; set; }

    /// <summary>Gets or sets the files and vector stores the tools can reach.</summary>
    /// <value>The default is <c>null</c>: not sent.</value>
    [JsonPropertyName("tool_resources")]
    public ToolResources? ToolResources { get; set; }

    /// <summary>Gets or sets up to 16 key-value pairs (keys up to 64, values up to 512 characters).</summary>
    /// <value>The default is <c>null</c>: not sent.</value>
    [JsonPropertyName("metadata")]
    public IDictionary<string, string>? Metadata { get; set; }

    /// <summary>Gets or sets the sampling temperature (0 to 2).</summary>
    /// <value>The default is <c>null</c>: the server's default (1).</value>
    [JsonPropertyName("temperature")]
    public double? Temperature { get; set; }

    /// <summary>Gets or sets the nucleus-sampling probability mass (0 to 1).</summary>
    /// <value>The default is <c>null</c>: the server's default (1).</value>
    [JsonPropertyName("top_p")]
    public double? TopP { get; set; }

    /// <summary>Gets or sets the response format.</summary>
    /// <value>The default is <c>null</c>: the server's default (<c>auto</c>).</value>
    [JsonPropertyName("response_format")]
    public AssistantResponseFormat? ResponseFormat { get; set; }

    /// <summary>Gets or sets the reasoning effort for reasoning models (<c>low</c>, <c>medium</c>, <c>high</c>).</summary>
    /// <value>The default is <c>null</c>: not sent.</value>
    [JsonPropertyName("reasoning_effort")]
    public string? ReasoningEffort { get; set; }
}
