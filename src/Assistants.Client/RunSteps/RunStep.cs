using System;
using System.Collections.Generic;
using System.Text.Json.Serialization;
using Assistants.Client.Serialization;

namespace Assistants.Client;

/// <summary>A step of a run: a message it created or tools it called (<c>thread.run.step</c>).</summary>
public sealed class RunStep : ApiObject
{
    /// <summary>Gets the step id.</summary>
    /// <value>Empty when the server left the field out; it then stays out when the model is written again.</value>
    [JsonIgnore]
    public string Id { get => WireId ?? string.Empty; init => WireId = value; }

    /// <summary>The <c>id</c> as it was on the wire: <c>null</c> when absent, so it is not written back as <c>""</c>.</summary>
    [JsonInclude]
    [JsonPropertyName("id")]
    internal string? WireId { get; init; }

    /// <summary>Gets the object type, <c>thread.run.step</c>.</summary>
    [JsonPropertyName("object")]
    public string? Object { get; init; }

    /// <summary>Gets when the step was created.</summary>
    /// <value><c>null</c> when the server left the field out.</value>
    [JsonPropertyName("created_at")]
    [JsonConverter(typeof(NullableUnixTimestampConverter))]
    public DateTimeOffset? CreatedAt { get; init; }

    /// <summary>Gets the id of the run the step belongs to.</summary>
    [JsonPropertyName("run_id")]
    public string? RunId { get; init; }

    /// <summary>Gets the id of the assistant of the run.</summary>
    [JsonPropertyName("assistant_id")]
    public string? AssistantId { get; init; }

    /// <summary>Gets the id of the thread of the run.</summary>
    [JsonPropertyName("thread_id")]
    public string? ThreadId { get; init; }

    /// <summary>Gets the kind of step.</summary>
    /// <value><c>null</c> when the server left the field out.</value>
    [JsonPropertyName("type")]
    public RunStepType? Type { get; init; }

    /// <summary>Gets the step's status.</summary>
    /// <value><c>null</c> when the server left the field out.</value>
    [JsonPropertyName("status")]
    public RunStepStatus? Status { get; init; }

    /// <summary>Gets what the step did.</summary>
    [JsonPropertyName("step_details")]
    public RunStepDetails? Details { get; init; }

    /// <summary>Gets the last error of the step, if any.</summary>
    [JsonPropertyName("last_error")]
    public RunError? LastError { get; init; }

    /// <summary>Gets when the step expires or expired (real servers send <c>expires_at</c>).</summary>
    [JsonPropertyName("expires_at")]
    [JsonConverter(typeof(NullableUnixTimestampConverter))]
    public DateTimeOffset? ExpiresAt { get; init; }

    /// <summary>Gets when the step expired, for servers that follow the spec's <c>expired_at</c>.</summary>
    [JsonPropertyName("expired_at")]
    [JsonConverter(typeof(NullableUnixTimestampConverter))]
    public DateTimeOffset? ExpiredAt { get; init; }

    /// <summary>Gets when the step was cancelled.</summary>
    [JsonPropertyName("cancelled_at")]
    [JsonConverter(typeof(NullableUnixTimestampConverter))]
    public DateTimeOffset? CancelledAt { get; init; }

    /// <summary>Gets when the step failed.</summary>
    [JsonPropertyName("failed_at")]
    [JsonConverter(typeof(NullableUnixTimestampConverter))]
    public DateTimeOffset? FailedAt { get; init; }

    /// <summary>Gets when the step completed.</summary>
    [JsonPropertyName("completed_at")]
    [JsonConverter(typeof(NullableUnixTimestampConverter))]
    public DateTimeOffset? CompletedAt { get; init; }

    /// <summary>Gets the key-value pairs attached to the step (real servers leave this out).</summary>
    [JsonPropertyName("metadata")]
    public IReadOnlyDictionary<string, string>? Metadata { get; init; }

    /// <summary>Gets the token usage, once the step has ended.</summary>
    [JsonPropertyName("usage")]
    public RunTokenUsage? Usage { get; init; }
}
