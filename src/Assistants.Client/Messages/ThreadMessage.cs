using System;
using System.Collections.Generic;
using System.Text.Json.Serialization;
using Assistants.Client.Serialization;

namespace Assistants.Client;

/// <summary>A message of a thread, written by the user or by the assistant during a run.</summary>
/// <remarks>
/// Messages returned by create, retrieve, list and modify usually lack <see cref="Status"/>, <see cref="CompletedAt"/>,
/// <see cref="IncompleteAt"/> and <see cref="IncompleteDetails"/>; streamed message events carry them. The modify
/// operation of some servers answers in the older shape with <c>file_ids</c> instead of <c>attachments</c>; such
/// fields are kept in <see cref="JsonModel.AdditionalProperties"/>.
/// </remarks>
public sealed class ThreadMessage : ApiObject
{
    /// <summary>Gets the message id.</summary>
    /// <value>Empty when the server left the field out; it then stays out when the model is written again.</value>
    [JsonIgnore]
    public string Id { get => WireId ?? string.Empty; init => WireId = value; }

    /// <summary>The <c>id</c> as it was on the wire: <c>null</c> when absent, so it is not written back as <c>""</c>.</summary>
    [JsonInclude]
    [JsonPropertyName("id")]
    internal string? WireId { get; init; }

    /// <summary>Gets the object type, <c>thread.message</c>.</summary>
    [JsonPropertyName("object")]
    public string? Object { get; init; }

    /// <summary>Gets when the message was created.</summary>
    /// <value><c>null</c> when the server left the field out.</value>
    [JsonPropertyName("created_at")]
    [JsonConverter(typeof(NullableUnixTimestampConverter))]
    public DateTimeOffset? CreatedAt { get; init; }

    /// <summary>Gets the id of the thread the message belongs to.</summary>
    [JsonPropertyName("thread_id")]
    public string? ThreadId { get; init; }

    /// <summary>Gets the state of the message, when the server reports it.</summary>
    [JsonPropertyName("status")]
    public MessageStatus? Status { get; init; }

    /// <summary>Gets why the message ended incomplete.</summary>
    [JsonPropertyName("incomplete_details")]
    public MessageIncompleteDetails? IncompleteDetails { get; init; }

    /// <summary>Gets when the message was completed.</summary>
    [JsonPropertyName("completed_at")]
    [JsonConverter(typeof(NullableUnixTimestampConverter))]
    public DateTimeOffset? CompletedAt { get; init; }

    /// <summary>Gets when the message was marked incomplete.</summary>
    [JsonPropertyName("incomplete_at")]
    [JsonConverter(typeof(NullableUnixTimestampConverter))]
    public DateTimeOffset? IncompleteAt { get; init; }

    /// <summary>Gets the author of the message.</summary>
    /// <value><c>null</c> when the server left the field out.</value>
    [JsonPropertyName("role")]
    public MessageRole? Role { get; init; }

    /// <summary>Gets the content: text, images, refusals.</summary>
    [JsonPropertyName("content")]
    public IReadOnlyList<MessageContent>? Content { get; init; }

    /// <summary>Gets the id of the assistant that wrote the message, or <c>null</c> for a user message.</summary>
    [JsonPropertyName("assistant_id")]
    public string? AssistantId { get; init; }

    /// <summary>Gets the id of the run that wrote the message, or <c>null</c> for a user message.</summary>
    [JsonPropertyName("run_id")]
    public string? RunId { get; init; }

    /// <summary>Gets the files attached to the message and the tools that may read them.</summary>
    [JsonPropertyName("attachments")]
    public IReadOnlyList<MessageAttachment>? Attachments { get; init; }

    /// <summary>Gets the key-value pairs attached to the message.</summary>
    [JsonPropertyName("metadata")]
    public IReadOnlyDictionary<string, string>? Metadata { get; init; }
}
