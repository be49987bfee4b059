using System.Collections.Generic;

namespace Assistants.Client.Internal;

/// <summary>
/// Accumulates a streamed run step: the last full step the server sent plus the tool call deltas since, merged by
/// tool call <c>index</c> (arguments, code input and logs appended in place; new calls and outputs inserted). A delta
/// costs O(its length); the step and its calls are built as models only when read.
/// </summary>
internal sealed class RunStepSnapshotBuilder
{
    private readonly SortedDictionary<int, RunStepToolCallSnapshot> _calls = new();
    private RunStep _step;
    private RunStep? _snapshot;

    public RunStepSnapshotBuilder(RunStep step)
    {
        _step = step;
        Reset(step);
    }

    public string Id => _step.Id;

    public RunStep Snapshot => _snapshot ??= Build();

    /// <summary>Gets the index of the tool call that started last, or -1.</summary>
    public int CurrentCallIndex { get; private set; } = -1;

    /// <summary>Gets the indexes of tool calls whose "done" was raised.</summary>
    public HashSet<int> DoneCalls { get; } = new();

    public IEnumerable<int> CallIndexes => _calls.Keys;

    public void Reset(RunStep step)
    {
        _step = step;
        _snapshot = null;
        if (step.Details is RunStepToolCallDetails { ToolCalls: { Count: > 0 } calls })
        {
            for (int i = 0; i < calls.Count; i++)
            {
                _calls[i] = new RunStepToolCallSnapshot(i, calls[i].Type, calls[i]);
            }
        }
    }

    /// <summary>Merges a tool call delta; returns <c>true</c> when it starts a new tool call.</summary>
    public bool Apply(RunStepToolCallDelta delta)
    {
        _snapshot = null;
        bool created = !_calls.TryGetValue(delta.Index, out RunStepToolCallSnapshot? call);
        if (created)
        {
            call = new RunStepToolCallSnapshot(delta.Index, delta.Type);
            _calls[delta.Index] = call;
            CurrentCallIndex = delta.Index;
        }

        call!.Apply(delta);
        return created;
    }

    /// <summary>Gets a value indicating whether a call at <paramref name="index"/> was seen.</summary>
    public bool HasCall(int index) => _calls.ContainsKey(index);

    /// <summary>Gets the live view of the call at <paramref name="index"/>.</summary>
    public RunStepToolCallSnapshot Call(int index) => _calls[index];

    public RunStepToolCall BuildCall(int index) => _calls[index].ToToolCall();

    private RunStep Build()
    {
        if (_calls.Count == 0)
        {
            return _step;
        }

        List<RunStepToolCall> calls = new(_calls.Count);
        foreach (RunStepToolCallSnapshot call in _calls.Values)
        {
            calls.Add(call.ToToolCall());
        }

        return Snapshots.WithDetails(_step, new RunStepToolCallDetails { ToolCalls = calls, AdditionalProperties = _step.Details?.AdditionalProperties });
    }
}
