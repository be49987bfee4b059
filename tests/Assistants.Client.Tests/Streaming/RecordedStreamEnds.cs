using System.Linq;

namespace Assistants.Client.Tests.Streaming;

/// <summary>The legitimate ways a recorded run stream (or the last stream of a recorded tool loop) ends.</summary>
internal static class RecordedStreamEnds
{
    /// <summary>Names how the stream read by <paramref name="handler"/> ended, or <c>null</c> when no legitimate end explains it.</summary>
    public static string? Classify(RecordingHandler handler)
    {
        ThreadRun? run = handler.CurrentRun;
        bool messageCutOff = handler.Messages.Any(m => handler.FinalMessages.All(f => f.Id != m.Id));
        if (run?.Status == RunStatus.RequiresAction)
        {
            return run.RequiredAction?.SubmitToolOutputs?.ToolCalls is { Count: > 0 } ? "requires_action: tool outputs"
                : run.RequiredAction?.SubmitToolApproval?.ToolCalls is { Count: > 0 } ? "requires_action: tool approval"
                : null;
        }

        if (handler.FinalMessages.Any(m => m.Status == MessageStatus.Incomplete))
        {
            return "incomplete message, run " + run?.Status;
        }

        if (run?.Status?.IsTerminal == true)
        {
            return "run " + run.Status;
        }

        // The recording stops while a message is still being written: the run is neither paused nor ended.
        return messageCutOff || handler.FinalMessages.Any(m => m.Status == MessageStatus.InProgress) ? "recording stops mid-message" : null;
    }
}
