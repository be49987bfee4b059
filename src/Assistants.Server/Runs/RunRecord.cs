using System.Collections.Generic;
using System.Text.Json.Nodes;
using System.Threading;
using Assistants.Server.Storage;
using Assistants.Server.Streaming;
using Microsoft.Extensions.AI;

namespace Assistants.Server.Runs;

/// <summary>A run: its wire object, its steps and what the engine needs between model turns.</summary>
internal sealed class RunRecord(string id, JsonObject json, ThreadRecord thread)
{
    public string Id { get; } = id;

    public JsonObject Json { get; } = json;

    public ThreadRecord Thread { get; } = thread;

    public ResourceList<JsonObject> Steps { get; } = new();

    /// <summary>Function calls and their outputs from earlier turns of this run, replayed to the model.</summary>
    public List<ChatMessage> ToolHistory { get; } = [];

    /// <summary>The tool step waiting for outputs while the run is in <c>requires_action</c>.</summary>
    public JsonObject? PendingToolStep { get; set; }

    public string? AdditionalInstructions { get; init; }

    public CancellationTokenSource Cancellation { get; } = new();

    /// <summary>Whether a worker is processing the run right now.</summary>
    public bool Processing { get; set; }

    /// <summary>Usage of the turn that asked for tool outputs, reported when its step completes.</summary>
    public JsonObject? PendingStepUsage { get; set; }

    /// <summary>The stream the current turn reports to, or <see langword="null"/> when nobody listens.</summary>
    public EventChannel? Events { get; set; }

    public long PromptTokens { get; set; }

    public long CompletionTokens { get; set; }

    public string Status
    {
        get => (string)Json["status"]!;
        set => Json["status"] = value;
    }

    public bool IsActive => Status is RunStatus.Queued or RunStatus.InProgress or RunStatus.RequiresAction or RunStatus.Cancelling;

    public string AssistantId => (string)Json["assistant_id"]!;
}
