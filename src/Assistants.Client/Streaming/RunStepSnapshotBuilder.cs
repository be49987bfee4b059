using System.Collections.Generic;
using System.Text;

namespace Assistants.Client.Internal;

/// <summary>
/// Accumulates a streamed run step: the last full step the server sent plus the tool call deltas since, merged by
/// tool call <c>index</c> (arguments, code input and logs concatenated; new calls and outputs inserted).
/// </summary>
internal sealed class RunStepSnapshotBuilder
{
    private readonly SortedDictionary<int, ToolCall> _calls = new();
    private RunStep _step;
    private RunStep? _snapshot;

    public RunStepSnapshotBuilder(RunStep step)
    {
        _step = step;
        Reset(step);
    }

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
                _calls[i] = new ToolCall { Full = calls[i] };
            }
        }
    }

    /// <summary>Merges a tool call delta; returns <c>true</c> when it starts a new tool call.</summary>
    public bool Apply(RunStepToolCallDelta delta)
    {
        _snapshot = null;
        bool created = !_calls.TryGetValue(delta.Index, out ToolCall? call);
        if (created)
        {
            call = new ToolCall { Type = delta.Type };
            _calls[delta.Index] = call;
            CurrentCallIndex = delta.Index;
        }

        call!.Apply(delta);
        return created;
    }

    public RunStepToolCall BuildCall(int index) => _calls[index].Build();

    private RunStep Build()
    {
        if (_calls.Count == 0)
        {
            return _step;
        }

        List<RunStepToolCall> calls = new(_calls.Count);
        foreach (ToolCall call in _calls.Values)
        {
            calls.Add(call.Build());
        }

        return Snapshots.WithDetails(_step, new RunStepToolCallDetails { ToolCalls = calls, AdditionalProperties = _step.Details?.AdditionalProperties });
    }

    private sealed class ToolCall
    {
        private readonly StringBuilder _text = new();
        private readonly SortedDictionary<int, CodeInterpreterOutputDelta> _outputs = new();
        private RunStepToolCall? _built;

        public RunStepToolCall? Full { get; set; }

        public string? Type { get; set; }

        private string? Id { get; set; }

        private string? Name { get; set; }

        private string? Output { get; set; }

        private System.Text.Json.JsonElement? FileSearch { get; set; }

        public void Apply(RunStepToolCallDelta delta)
        {
            _built = null;
            if (Full is not null && _text.Length == 0)
            {
                Seed(Full);
            }

            Full = null;
            Id = delta.Id ?? Id;
            switch (delta)
            {
                case RunStepFunctionToolCallDelta function:
                    Name = function.Function?.Name ?? Name;
                    _text.Append(function.Function?.Arguments);
                    Output = function.Function?.Output ?? Output;
                    break;
                case RunStepCodeInterpreterToolCallDelta code:
                    _text.Append(code.CodeInterpreter?.Input);
                    foreach (CodeInterpreterOutputDelta output in code.CodeInterpreter?.Outputs ?? System.Array.Empty<CodeInterpreterOutputDelta>())
                    {
                        _outputs[output.Index] = _outputs.TryGetValue(output.Index, out CodeInterpreterOutputDelta? old)
                            && old is CodeInterpreterLogsOutputDelta oldLogs && output is CodeInterpreterLogsOutputDelta newLogs
                            ? new CodeInterpreterLogsOutputDelta { Index = output.Index, Logs = oldLogs.Logs + newLogs.Logs }
                            : output;
                    }

                    break;
                case RunStepFileSearchToolCallDelta search:
                    FileSearch = search.FileSearch ?? FileSearch;
                    break;
                case UnknownRunStepToolCallDelta unknown:
                    Full = new UnknownRunStepToolCall(unknown.Raw);
                    break;
            }
        }

        public RunStepToolCall Build() => Full ?? (_built ??= Type switch
        {
            "function" => new RunStepFunctionToolCall { Id = Id, Function = new RunStepFunction { Name = Name, Arguments = _text.ToString(), Output = Output } },
            "code_interpreter" => new RunStepCodeInterpreterToolCall { Id = Id, CodeInterpreter = new RunStepCodeInterpreter { Input = _text.ToString(), Outputs = BuildOutputs() } },
            _ => new RunStepFileSearchToolCall { Id = Id },
        });

        private void Seed(RunStepToolCall full)
        {
            Id = full.Id;
            Type = full.Type;
            if (full is RunStepFunctionToolCall f)
            {
                Name = f.Function?.Name;
                Output = f.Function?.Output;
                _text.Append(f.Function?.Arguments);
            }
            else if (full is RunStepCodeInterpreterToolCall c)
            {
                _text.Append(c.CodeInterpreter?.Input);
            }
        }

        private List<RunStepCodeInterpreterOutput> BuildOutputs()
        {
            List<RunStepCodeInterpreterOutput> outputs = new(_outputs.Count);
            foreach (CodeInterpreterOutputDelta output in _outputs.Values)
            {
                if (output is CodeInterpreterLogsOutputDelta logs)
                {
                    outputs.Add(new RunStepCodeInterpreterLogOutput { Logs = logs.Logs });
                }
                else if (output is CodeInterpreterImageOutputDelta image)
                {
                    outputs.Add(new RunStepCodeInterpreterImageOutput { Image = new RunStepCodeInterpreterImage { FileId = image.Image?.FileId } });
                }
            }

            return outputs;
        }
    }
}
