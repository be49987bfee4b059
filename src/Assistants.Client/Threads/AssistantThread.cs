using System;
using System.Collections.Generic;
using System.Text.Json.Serialization;
using Assistants.Client.Serialization;

namespace Assistants.Client;

/// <summary>A thread: a conversation between a user and assistants, holding its messages.</summary>
public sealed class AssistantThread : ApiObject
{
    /// <summary>Gets the thread id.</summary>
    [JsonPropertyName("id")]
    public string Id { get; init; } = string.Empty;

    /// <summary>Gets the object type, <c>thread</c>.</summary>
    [JsonPropertyName("object")]
    public string? Object { get; init; }

    /// <summary>Gets when the thread was created.</summary>
    [JsonPropertyName("created_at")]
    [JsonConverter(typeof(UnixTimestampConverter))]
    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>Gets the files and vector stores the tools can reach in this thread.</summary>
    /// <remarks>The same thread may read <c>{}</c> from one endpoint and list empty file lists from another.</remarks>
    [JsonPropertyName("tool_resources")]
    public ToolResources? ToolResources { get; init; }

    /// <summary>Gets the key-value pairs attached to the thread.</summary>
    [JsonPropertyName("metadata")]
    public IReadOnlyDictionary<string, string>? Metadata { get; init; }
}
