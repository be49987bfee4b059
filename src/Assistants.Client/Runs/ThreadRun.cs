using System;
using System.Collections.Generic;
using System.Text.Json.Serialization;
using Assistants.Client.Serialization;

namespace Assistants.Client;

/// <summary>A run: one execution of an assistant on a thread (<c>thread.run</c>).</summary>
public sealed class ThreadRun : ApiObject
{
    /// <summary>Gets the run id.</summary>
    /// <value>Empty when the server left the field out; it then stays out when the model is written again.</value>
    [JsonIgnore]
    public string Id { get => WireId ?? string.Empty; init => WireId = value; }

    /// <summary>The <c>id</c> as it was on the wire: <c>null</c> when absent, so it is not written back as <c>""</c>.</summary>
    [JsonInclude]
    [JsonPropertyName("id")]
    internal string? WireId { get; init; }

    /// <summary>Gets the object type, <c>thread.run</c>.</summary>
    [JsonPropertyName("object")]
    public string? Object { get; init; }

    /// <summary>Gets when the run was created.</summary>
    /// <value><c>null</c> when the server left the field out.</value>
    [JsonPropertyName("created_at")]
    [JsonConverter(typeof(NullableUnixTimestampConverter))]
    public DateTimeOffset? CreatedAt { get; init; }

    /// <summary>Gets the id of the thread the run executes on.</summary>
    [JsonPropertyName("thread_id")]
    public string? ThreadId { get; init; }

    /// <summary>Gets the id of the assistant the run acts as.</summary>
    [JsonPropertyName("assistant_id")]
    public string? AssistantId { get; init; }

    /// <summary>Gets the run's status; see <see cref="RunStatus.IsTerminal"/>.</summary>
    /// <value><c>null</c> when the server left the field out.</value>
    [JsonPropertyName("status")]
    public RunStatus? Status { get; init; }

    /// <summary>Gets what the caller must do for the run to continue, when its status is <c>requires_action</c>.</summary>
    [JsonPropertyName("required_action")]
    public RunRequiredAction? RequiredAction { get; init; }

    /// <summary>Gets the last error of the run, if any.</summary>
    [JsonPropertyName("last_error")]
    public RunError? LastError { get; init; }

    /// <summary>Gets when the run expires; real servers send <c>null</c> once the run has ended.</summary>
    [JsonPropertyName("expires_at")]
    [JsonConverter(typeof(NullableUnixTimestampConverter))]
    public DateTimeOffset? ExpiresAt { get; init; }

    /// <summary>Gets when the run started (re-stamped after tool outputs are submitted).</summary>
    [JsonPropertyName("started_at")]
    [JsonConverter(typeof(NullableUnixTimestampConverter))]
    public DateTimeOffset? StartedAt { get; init; }

    /// <summary>Gets when the run was cancelled.</summary>
    [JsonPropertyName("cancelled_at")]
    [JsonConverter(typeof(NullableUnixTimestampConverter))]
    public DateTimeOffset? CancelledAt { get; init; }

    /// <summary>Gets when the run failed.</summary>
    [JsonPropertyName("failed_at")]
    [JsonConverter(typeof(NullableUnixTimestampConverter))]
    public DateTimeOffset? FailedAt { get; init; }

    /// <summary>Gets when the run completed.</summary>
    [JsonPropertyName("completed_at")]
    [JsonConverter(typeof(NullableUnixTimestampConverter))]
    public DateTimeOffset? CompletedAt { get; init; }

    /// <summary>Gets why the run is incomplete, when its status is <c>incomplete</c>.</summary>
    [JsonPropertyName("incomplete_details")]
    public RunIncompleteDetails? IncompleteDetails { get; init; }

    /// <summary>Gets the model the run uses.</summary>
    [JsonPropertyName("model")]
    public string? Model { get; init; }

    /// <summary>Gets the instructions the run uses.</summary>
    [JsonPropertyName("instructions")]
    public string? Instructions { get; init; }

    /// <summary>Gets the tools the run may use.</summary>
    [JsonPropertyName("tools")]
    public IReadOnlyList<ToolDefinition>? Tools { get; init; }

    /// <summary>Gets the tool resources of the run (a field real servers send beyond the spec).</summary>
    [JsonPropertyName("tool_resources")]
    public ToolResources? ToolResources { get; init; }

    /// <summary>Gets the key-value pairs attached to the run.</summary>
    [JsonPropertyName("metadata")]
    public IReadOnlyDictionary<string, string>? Metadata { get; init; }

    /// <summary>Gets the token usage, once the run has ended.</summary>
    [JsonPropertyName("usage")]
    public RunTokenUsage? Usage { get; init; }

    /// <summary>Gets the sampling temperature.</summary>
    [JsonPropertyName("temperature")]
    public double? Temperature { get; init; }

    /// <summary>Gets the nucleus-sampling probability mass.</summary>
    [JsonPropertyName("top_p")]
    public double? TopP { get; init; }

    /// <summary>Gets the reasoning effort for reasoning models (a field real servers send beyond the spec).</summary>
    [JsonPropertyName("reasoning_effort")]
    public string? ReasoningEffort { get; init; }

    /// <summary>Gets the most prompt tokens the run may use.</summary>
    [JsonPropertyName("max_prompt_tokens")]
    public int? MaxPromptTokens { get; init; }

    /// <summary>Gets the most completion tokens the run may use.</summary>
    [JsonPropertyName("max_completion_tokens")]
    public int? MaxCompletionTokens { get; init; }

    /// <summary>Gets how the thread is truncated before the run.</summary>
    [JsonPropertyName("truncation_strategy")]
    public RunTruncationStrategy? TruncationStrategy { get; init; }

    /// <summary>Gets which tool, if any, the model must call.</summary>
    [JsonPropertyName("tool_choice")]
    public ToolChoice? ToolChoice { get; init; }

    /// <summary>Gets a value indicating whether the model may call tools in parallel.</summary>
    [JsonPropertyName("parallel_tool_calls")]
    public bool? ParallelToolCalls { get; init; }

    /// <summary>Gets the response format.</summary>
    [JsonPropertyName("response_format")]
    public AssistantResponseFormat? ResponseFormat { get; init; }
}
