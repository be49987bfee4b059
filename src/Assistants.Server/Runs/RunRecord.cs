using System.Collections.Generic;
using System.Text.Json.Nodes;
using System.Threading;
using Assistants.Server.Search;
using Assistants.Server.Storage;
using Assistants.Server.Streaming;
using Microsoft.Extensions.AI;

namespace Assistants.Server.Runs;

/// <summary>
/// A run while it is active or being processed: its wire object, the steps and messages it made, and what the
/// engine needs between model turns. Call every member under <see cref="Gate"/>. Changes are written to the store by
/// <see cref="RunEngine.Commit(RunRecord)"/>; once the run is finished and no worker holds it, nothing of it stays in memory.
/// </summary>
internal sealed class RunRecord(string id, string threadId, JsonObject json, Gate gate)
{
    private readonly Dictionary<JsonObject, StoredDoc> _dirty = new(ReferenceEqualityComparer.Instance);

    public string Id { get; } = id;

    public string ThreadId { get; } = threadId;

    public JsonObject Json { get; } = json;

    /// <summary>Gets the thread's gate; the run holds a reference to it until it is finished and no worker holds it.</summary>
    public Gate Gate { get; } = gate;

    /// <summary>Gets or sets a value indicating whether the run's gate reference was released.</summary>
    public bool Released { get; set; }

    /// <summary>Gets or sets a value indicating whether the run's thread was deleted (or the server stopped): nothing more is stored.</summary>
    public bool Detached { get; set; }

    public List<JsonObject> Steps { get; } = [];

    /// <summary>Gets the messages this run wrote, which it closes when it ends early.</summary>
    public List<JsonObject> Messages { get; } = [];

    /// <summary>Function calls and their outputs from earlier turns of this run, replayed to the model.</summary>
    public List<ChatMessage> ToolHistory { get; } = [];

    /// <summary>The tool step waiting for outputs while the run is in <c>requires_action</c>.</summary>
    public JsonObject? PendingToolStep { get; set; }

    public string? AdditionalInstructions { get; init; }

    /// <summary>Gets a value indicating whether file search results carry their content (<c>include[]</c> on create).</summary>
    public bool IncludeSearchContent { get; init; }

    /// <summary>Gets or sets what the run's file search found, once it ran (the model sees it on every turn of the run).</summary>
    public FileSearchContext? FileSearch { get; set; }

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

    public bool IsActive => RunStatus.IsActive(Status);

    public string AssistantId => (string)Json["assistant_id"]!;

    public bool HasChanges => _dirty.Count > 0;

    /// <summary>Marks a step of this run as changed.</summary>
    public void StepChanged(JsonObject step, byte[]? utf8 = null) => _dirty[step] = new StoredDoc(DocKinds.Step, Id, (string)step["id"]!, step) { Utf8 = utf8 };

    /// <summary>Marks a message on this run's thread as changed.</summary>
    public void MessageChanged(JsonObject message, byte[]? utf8 = null) => _dirty[message] = new StoredDoc(DocKinds.Message, ThreadId, (string)message["id"]!, message) { Utf8 = utf8 };

    /// <summary>The run (unless <paramref name="includeRun"/> is false) and everything changed since the last call, to be saved together; <paramref name="json"/> is the run already written as UTF-8.</summary>
    public List<StoredDoc> TakeChanges(byte[]? json = null, bool includeRun = true)
    {
        List<StoredDoc> docs = includeRun ? [new StoredDoc(DocKinds.Run, ThreadId, Id, Json) { Utf8 = json }, .. _dirty.Values] : [.. _dirty.Values];
        _dirty.Clear();
        return docs;
    }
}
