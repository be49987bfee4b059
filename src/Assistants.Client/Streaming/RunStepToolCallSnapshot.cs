using System.Collections.Generic;
using System.Text;

namespace Assistants.Client;

/// <summary>
/// A streamed tool call with every delta so far merged in, as <see cref="AssistantEventHandler"/> accumulates it: a
/// live view that costs nothing until it is read. <see cref="Arguments"/> and <see cref="ToToolCall"/> build their
/// result only when called (and cache it until the next delta), so reading the fragments from the delta alone keeps
/// the stream linear.
/// </summary>
/// <remarks>One instance per tool call, updated in place by later deltas; read it during the callback, or call
/// <see cref="ToToolCall"/> to keep an immutable copy.</remarks>
public sealed class RunStepToolCallSnapshot
{
    private readonly StringBuilder _text = new();
    private readonly SortedDictionary<int, object> _outputs = new();
    private RunStepToolCall? _full;
    private RunStepToolCall? _built;
    private string? _textString;
    private string? _id;
    private string? _name;
    private string? _output;
    private string? _type;

    internal RunStepToolCallSnapshot(int index, string? type, RunStepToolCall? full = null)
    {
        Index = index;
        _type = type;
        _full = full;
    }

    /// <summary>Gets the position of the tool call in its step.</summary>
    public int Index { get; }

    /// <summary>Gets the tool call id (<c>call_...</c>), once a delta carried it.</summary>
    public string? Id => _full is { } full ? full.Id : _id;

    /// <summary>Gets the tool type: <c>function</c>, <c>code_interpreter</c> or <c>file_search</c>.</summary>
    public string? Type => _full is { } full ? full.Type : _type;

    /// <summary>Gets the function name of a function call, once a delta carried it.</summary>
    public string? FunctionName => _full is { } full ? (full as RunStepFunctionToolCall)?.Function?.Name : _name;

    /// <summary>Gets the length of the text accumulated so far (function arguments or code interpreter input) without building it.</summary>
    public int ArgumentsLength => _full is { } full ? FullText(full)?.Length ?? 0 : _text.Length;

    /// <summary>
    /// Gets the function arguments received so far (for a code interpreter call, its input). The string is built when
    /// read and cached until the next delta; read it at the end (or take fragments from the delta) to stay linear.
    /// </summary>
    public string Arguments => _full is { } full ? FullText(full) ?? string.Empty : _textString ??= _text.ToString();

    /// <summary>Builds the tool call as a model (cached until the next delta).</summary>
    /// <returns>The tool call with every delta so far merged in, or the full call the server sent last.</returns>
    public RunStepToolCall ToToolCall() => _full ?? (_built ??= Build());

    internal void Apply(RunStepToolCallDelta delta)
    {
        _built = null;
        _textString = null;
        if (_full is { } full && _text.Length == 0)
        {
            Seed(full);
        }

        _full = null;

        _id = delta.Id ?? _id;
        switch (delta)
        {
            case RunStepFunctionToolCallDelta function:
                _name = function.Function?.Name ?? _name;
                _text.Append(function.Function?.Arguments);
                _output = function.Function?.Output ?? _output;
                break;
            case RunStepCodeInterpreterToolCallDelta code:
                _text.Append(code.CodeInterpreter?.Input);
                foreach (CodeInterpreterOutputDelta output in code.CodeInterpreter?.Outputs ?? System.Array.Empty<CodeInterpreterOutputDelta>())
                {
                    if (output is CodeInterpreterLogsOutputDelta logs && _outputs.TryGetValue(output.Index, out object? old) && old is LogsBuffer buffer)
                    {
                        buffer.Append(logs.Logs);
                    }
                    else
                    {
                        _outputs[output.Index] = output is CodeInterpreterLogsOutputDelta first ? new LogsBuffer(first.Logs) : output;
                    }
                }

                break;
            case UnknownRunStepToolCallDelta unknown:
                _full = new UnknownRunStepToolCall(unknown.Raw);
                break;
        }
    }

    private static string? FullText(RunStepToolCall full) => full switch
    {
        RunStepFunctionToolCall f => f.Function?.Arguments,
        RunStepCodeInterpreterToolCall c => c.CodeInterpreter?.Input,
        _ => null,
    };

    private void Seed(RunStepToolCall full)
    {
        _id = full.Id;
        _type = full.Type;
        if (full is RunStepFunctionToolCall f)
        {
            _name = f.Function?.Name;
            _output = f.Function?.Output;
            _text.Append(f.Function?.Arguments);
        }
        else if (full is RunStepCodeInterpreterToolCall c)
        {
            _text.Append(c.CodeInterpreter?.Input);
        }
    }

    private RunStepToolCall Build() => _type switch
    {
        "function" => new RunStepFunctionToolCall { Id = _id, Function = new RunStepFunction { Name = _name, Arguments = Arguments, Output = _output } },
        "code_interpreter" => new RunStepCodeInterpreterToolCall { Id = _id, CodeInterpreter = new RunStepCodeInterpreter { Input = Arguments, Outputs = BuildOutputs() } },
        _ => new RunStepFileSearchToolCall { Id = _id },
    };

    private List<RunStepCodeInterpreterOutput> BuildOutputs()
    {
        List<RunStepCodeInterpreterOutput> outputs = new(_outputs.Count);
        foreach (object output in _outputs.Values)
        {
            if (output is LogsBuffer logs)
            {
                outputs.Add(new RunStepCodeInterpreterLogOutput { Logs = logs.Value() });
            }
            else if (output is CodeInterpreterImageOutputDelta image)
            {
                outputs.Add(new RunStepCodeInterpreterImageOutput { Image = new RunStepCodeInterpreterImage { FileId = image.Image?.FileId } });
            }
        }

        return outputs;
    }

    /// <summary>Streamed logs of one output, concatenated in place (<c>null</c> until a fragment arrives).</summary>
    private sealed class LogsBuffer
    {
        private StringBuilder? _logs;

        public LogsBuffer(string? logs) => Append(logs);

        public void Append(string? logs)
        {
            if (logs is not null)
            {
                (_logs ??= new StringBuilder()).Append(logs);
            }
        }

        public string? Value() => _logs?.ToString();
    }
}
