using System;
using Assistants.Client;

/// <summary>Prints a streaming run as it happens: status changes on their own line, text as it arrives.</summary>
internal sealed class ConsoleEventHandler : AssistantEventHandler
{
    private bool _inText;

    protected override void OnRunStatusChanged(ThreadRun run)
    {
        EndText();
        Console.WriteLine($"   [run {run.Id}: {run.Status}]");
    }

    protected override void OnRunStepCreated(RunStep runStep)
    {
        EndText();
        Console.WriteLine($"   [step {runStep.Id}: {runStep.Type}]");
    }

    protected override void OnTextCreated(int contentIndex)
    {
        Console.Write("   assistant> ");
        _inText = true;
    }

    protected override void OnTextDelta(string text, int contentIndex) => Console.Write(text);

    protected override void OnMessageDone(ThreadMessage message) => EndText();

    private void EndText()
    {
        if (_inText)
        {
            Console.WriteLine();
            _inText = false;
        }
    }
}
