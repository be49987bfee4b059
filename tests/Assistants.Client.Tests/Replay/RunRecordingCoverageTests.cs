using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using Assistants.Client.Serialization;
using NUnit.Framework;

namespace Assistants.Client.Tests.Replay;

/// <summary>
/// Lossless round trips alone would pass if every recorded step fell into an <c>Unknown...</c> fallback; this checks
/// that every recorded run and run step parses into the typed models, with known statuses and kinds.
/// </summary>
[TestFixture]
[Category("Replay")]
public sealed class RunRecordingCoverageTests
{
    /// <summary>Tool-call types only Foundry serves (Recordings/foundry/README.md): they stay <see cref="UnknownRunStepToolCall"/> with their raw JSON.</summary>
    private static readonly HashSet<string> s_foundryToolCalls = new(System.StringComparer.Ordinal) { "connected_agent", "openapi", "mcp" };

    [Test]
    public void RecordedRunsAndSteps_ParseIntoKnownTypes()
    {
        List<string> problems = new();
        int runs = 0;
        int steps = 0;
        foreach (RecordedEntry entry in Recordings.All.Where(e => !e.IsStream && e.StatusCode < 400 && e.ResponseBody is { ValueKind: JsonValueKind.Object }))
        {
            string body = entry.ResponseBody!.Value.GetRawText();
            switch (ReplayRoutes.Find(entry)?.ResponseType)
            {
                case { } t when t == AssistantsJsonContext.Default.ThreadRun:
                    runs++;
                    CheckRun(entry, JsonSerializer.Deserialize(body, AssistantsJsonContext.Default.ThreadRun)!, problems);
                    break;
                case { } t when t == AssistantsJsonContext.Default.ListResponseThreadRun:
                    foreach (ThreadRun run in JsonSerializer.Deserialize(body, AssistantsJsonContext.Default.ListResponseThreadRun)!.Data!)
                    {
                        runs++;
                        CheckRun(entry, run, problems);
                    }

                    break;
                case { } t when t == AssistantsJsonContext.Default.RunStep:
                    steps++;
                    CheckStep(entry, JsonSerializer.Deserialize(body, AssistantsJsonContext.Default.RunStep)!, problems);
                    break;
                case { } t when t == AssistantsJsonContext.Default.ListResponseRunStep:
                    foreach (RunStep step in JsonSerializer.Deserialize(body, AssistantsJsonContext.Default.ListResponseRunStep)!.Data!)
                    {
                        steps++;
                        CheckStep(entry, step, problems);
                    }

                    break;
            }
        }

        TestContext.Out.WriteLine($"{runs} recorded runs and {steps} recorded run steps parsed into typed models");
        Assert.That(runs, Is.GreaterThan(0));
        Assert.That(steps, Is.GreaterThan(0));
        Assert.That(problems, Is.Empty, string.Join("\n", problems));
    }

    private static void CheckRun(RecordedEntry entry, ThreadRun run, List<string> problems)
    {
        RunStatus[] known = { RunStatus.Queued, RunStatus.InProgress, RunStatus.RequiresAction, RunStatus.Cancelling, RunStatus.Cancelled, RunStatus.Failed, RunStatus.Completed, RunStatus.Incomplete, RunStatus.Expired };
        if (run.Status is not { } status || !known.Contains(status))
        {
            problems.Add($"{entry}: unknown run status {run.Status}");
        }

        if (run.ToolChoice is null || run.ResponseFormat is null || run.TruncationStrategy is null || run.Tools is null)
        {
            problems.Add($"{entry}: run {run.Id} lacks tool_choice, response_format, truncation_strategy or tools");
        }

        if (run.Status == RunStatus.RequiresAction && run.RequiredAction?.SubmitToolOutputs?.ToolCalls is not { Count: > 0 })
        {
            problems.Add($"{entry}: requires_action without tool calls");
        }
    }

    private static void CheckStep(RecordedEntry entry, RunStep step, List<string> problems)
    {
        switch (step.Details)
        {
            case RunStepMessageCreationDetails message when message.MessageId is not null && step.Type == RunStepType.MessageCreation:
                break;
            case RunStepToolCallDetails tools when step.Type == RunStepType.ToolCalls:
                foreach (RunStepToolCall call in tools.ToolCalls!)
                {
                    bool known = call switch
                    {
                        RunStepCodeInterpreterToolCall code => code.Outputs!.All(o => o is RunStepCodeInterpreterLogOutput or RunStepCodeInterpreterImageOutput),
                        RunStepFileSearchToolCall search => search.Results is not null,
                        RunStepFunctionToolCall function => function.FunctionName is not null,
                        UnknownRunStepToolCall foundry => s_foundryToolCalls.Contains(foundry.Type) && foundry.Raw.ValueKind == JsonValueKind.Object,
                        _ => false,
                    };
                    if (!known || call.Id is null)
                    {
                        problems.Add($"{entry}: step {step.Id} has a tool call that did not parse into a known type ({call.Type})");
                    }
                }

                break;
            default:
                problems.Add($"{entry}: step {step.Id} details did not parse into a known type ({step.Details?.Type})");
                break;
        }

        if (step.Status != RunStepStatus.Completed && step.Status != RunStepStatus.InProgress)
        {
            problems.Add($"{entry}: unexpected step status {step.Status}");
        }
    }
}
