using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace Assistants.Client;

/// <summary>
/// The optional parts of a new run; the thread and the assistant are parameters of <see cref="RunsClient.CreateAsync"/>.
/// Every property overrides the assistant's setting for this run only.
/// </summary>
public sealed class RunCreationOptions : JsonModel
{
    /// <summary>Gets or sets the model that executes the run instead of the assistant's.</summary>
    /// <value>The default is <c>null</c>: the assistant's model.</value>
    [JsonPropertyName("model")]
    public string? Model { get; set; }

    /// <summary>Gets or sets instructions that replace the assistant's for this run.</summary>
    /// <value>The default is <c>null</c>: the assistant's instructions.</value>
    [JsonPropertyName("instructions")]
    public string? Instructions { get; set; }

    /// <summary>Gets or sets instructions appended to the assistant's. Not accepted by <see cref="RunsClient.CreateThreadAndRunAsync"/>.</summary>
    /// <value>The default is <c>null</c>: not sent.</value>
    [JsonPropertyName("additional_instructions")]
    public string? AdditionalInstructions { get; set; }

    /// <summary>Gets or sets messages added to the thread before the run starts. Not accepted by <see cref="RunsClient.CreateThreadAndRunAsync"/>.</summary>
    /// <value>The default is <c>null</c>: not sent.</value>
    [JsonPropertyName("additional_messages")]
    public IList<ThreadInitializationMessage>? AdditionalMessages { get; set; }

    /// <summary>Gets or sets the tools the run may use instead of the assistant's (at most 20).</summary>
    /// <value>The default is <c>null</c>: the assistant's tools.</value>
    [JsonPropertyName("tools")]
    public IList<ToolDefinition>? Tools { get; set; }

    /// <summary>
    /// Gets or sets the files and vector stores the tools can reach. Accepted only by
    /// <see cref="RunsClient.CreateThreadAndRunAsync"/> (the top-level <c>tool_resources</c>); a run on an existing
    /// thread uses the thread's and the assistant's resources.
    /// </summary>
    /// <value>The default is <c>null</c>: not sent.</value>
    [JsonPropertyName("tool_resources")]
    public ToolResources? ToolResources { get; set; }

    /// <summary>Gets or sets up to 16 key-value pairs (keys up to 64, values up to 512 characters).</summary>
    /// <value>The default is <c>null</c>: not sent.</value>
    [JsonPropertyName("metadata")]
    public IDictionary<string, string>? Metadata { get; set; }

    /// <summary>Gets or sets the sampling temperature (0 to 2).</summary>
    /// <value>The default is <c>null</c>: the assistant's.</value>
    [JsonPropertyName("temperature")]
    public double? Temperature { get; set; }

    /// <summary>Gets or sets the nucleus-sampling probability mass (0 to 1).</summary>
    /// <value>The default is <c>null</c>: the assistant's.</value>
    [JsonPropertyName("top_p")]
    public double? TopP { get; set; }

    /// <summary>Gets or sets the most prompt tokens the run may use over all its turns (the spec's minimum is 256).</summary>
    /// <value>The default is <c>null</c>: no limit.</value>
    [JsonPropertyName("max_prompt_tokens")]
    public int? MaxPromptTokens { get; set; }

    /// <summary>Gets or sets the most completion tokens the run may use over all its turns (the spec's minimum is 256).</summary>
    /// <value>The default is <c>null</c>: no limit.</value>
    [JsonPropertyName("max_completion_tokens")]
    public int? MaxCompletionTokens { get; set; }

    /// <summary>Gets or sets how the thread is truncated before the run.</summary>
    /// <value>The default is <c>null</c>: the server's default (<c>auto</c>).</value>
    [JsonPropertyName("truncation_strategy")]
    public RunTruncationStrategy? TruncationStrategy { get; set; }

    /// <summary>Gets or sets which tool, if any, the model must call.</summary>
    /// <value>The default is <c>null</c>: the server's default (<see cref="ToolChoice.Auto"/>).</value>
    [JsonPropertyName("tool_choice")]
    public ToolChoice? ToolChoice { get; set; }

    /// <summary>Gets or sets a value indicating whether the model may call tools in parallel.</summary>
    /// <value>The default is <c>null</c>: the server's default (<c>true</c>).</value>
    [JsonPropertyName("parallel_tool_calls")]
    public bool? ParallelToolCalls { get; set; }

    /// <summary>Gets or sets the response format.</summary>
    /// <value>The default is <c>null</c>: the assistant's.</value>
    [JsonPropertyName("response_format")]
    public AssistantResponseFormat? ResponseFormat { get; set; }

    /// <summary>Gets or sets the reasoning effort for reasoning models (<c>low</c>, <c>medium</c>, <c>high</c>).</summary>
    /// <value>The default is <c>null</c>: not sent.</value>
    [JsonPropertyName("reasoning_effort")]
    public string? ReasoningEffort { get; set; }

    /// <summary>
    /// Gets or sets extra fields of the run's steps to return, sent as the <c>include[]</c> query parameter, such as
    /// <see cref="RunStepInclude.FileSearchResultContent"/>. Not accepted by <see cref="RunsClient.CreateThreadAndRunAsync"/>.
    /// </summary>
    /// <value>The default is <c>null</c>: not sent.</value>
    [JsonIgnore]
    public IList<string>? Include { get; set; }
}
