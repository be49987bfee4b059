using System;
using Assistants.Client;

/// <summary>
/// Prints a streaming run as it happens, like the streaming tutorial's handler: status changes and steps on their own
/// line, the assistant's text as it arrives, and the code interpreter's input as it is written, then its logs.
/// </summary>
internal sealed class ConsoleEventHandler : AssistantEventHandler
{
    private bool _midLine;

    protected override void OnRunStatusChanged(ThreadRun run)
    {
        EndLine();
        Console.WriteLine($"   [run {run.Id}: {run.Status}]");
    }

    protected override void OnRunStepCreated(RunStep runStep)
    {
        EndLine();
        Console.WriteLine($"   [step {runStep.Id}: {runStep.Type}]");
    }

    protected override void OnTextCreated(int contentIndex) => Write("   assistant> ");

    protected override void OnTextDelta(string text, int contentIndex) => Write(text);

    protected override void OnMessageDone(ThreadMessage message) => EndLine();

    // The first delta of a call: its type (and, from some servers, the first piece of the input).
    protected override void OnToolCallCreated(RunStepToolCall toolCall)
    {
        EndLine();
        Console.WriteLine($"   assistant> {toolCall.Type}");
        if (toolCall is RunStepCodeInterpreterToolCall code)
        {
            Write("   code> ");
            Write(Indented(code.Input));
        }
    }

    // Later deltas: code input fragments as the model writes them, then the outputs (logs) in one delta.
    protected override void OnToolCallDelta(RunStepToolCallDelta delta, RunStepToolCallSnapshot snapshot)
    {
        if (delta is not RunStepCodeInterpreterToolCallDelta { CodeInterpreter: { } code })
        {
            return;
        }

        Write(Indented(code.Input));
        foreach (CodeInterpreterOutputDelta output in code.Outputs ?? [])
        {
            if (output is CodeInterpreterLogsOutputDelta logs)
            {
                EndLine();
                Console.WriteLine($"   logs> {Indented(logs.Logs?.TrimEnd())}");
            }
        }
    }

    protected override void OnToolCallDone(RunStepToolCall toolCall) => EndLine();

    private static string? Indented(string? text) => text?.Replace("\n", "\n         ", StringComparison.Ordinal);

    private void Write(string? text)
    {
        if (!string.IsNullOrEmpty(text))
        {
            Console.Write(text);
            _midLine = true;
        }
    }

    private void EndLine()
    {
        if (_midLine)
        {
            Console.WriteLine();
            _midLine = false;
        }
    }
}
