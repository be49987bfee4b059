using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using Assistants.Client;
using Assistants.Server.Model;
using NUnit.Framework;

namespace Assistants.Server.Tests.EndToEnd;

/// <summary>
/// A scripted code interpreter turn: the server records what the model's hosted interpreter ran as a
/// <c>code_interpreter</c> tool call (step shapes from the polled BasicRunStepFunctionalityWorks recording, delta
/// shapes from the spec's RunStepDeltaStepDetailsToolCallsCodeObject), streamed input fragments and one outputs delta.
/// </summary>
[TestFixture]
public sealed class CodeInterpreterTests
{
    private const string Code = "from sympy import symbols, solve\nx = symbols('x')\nprint(solve(3*x + 11 - 14, x))";
    private const string Logs = "[1]\n";
    private const string Reply = "The solution is x = 1. The table is in sandbox:/mnt/data/steps.csv. All results: sandbox:/mnt/data/all results.txt";
    private const string TableLink = "sandbox:/mnt/data/steps.csv";
    private const string ResultsLink = "sandbox:/mnt/data/all results.txt";
    private static readonly byte[] s_png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3];

    [Test]
    public async Task StreamedRun_HandlerSeesInputFragmentsAndLogs_StepAndMessageMatchTheService()
    {
        await using EndToEndApi api = new();
        string assistantId = (await api.Client.Assistants.CreateAsync("gpt-4o", new AssistantCreationOptions
        {
            Name = "Math Tutor",
            Instructions = "Write and run code to answer math questions.",
            Tools = [new CodeInterpreterToolDefinition()],
        })).Id;
        string threadId = await api.CreateThreadAsync("Solve 3x + 11 = 14.");
        api.Model.Enqueue(ScriptedTurn.RunCode(Code, Logs, Reply)
            .WithCodeOutputFile("plot.png", "image/png", s_png)
            .WithCodeOutputFile("steps.csv", "text/csv", Encoding.UTF8.GetBytes("step,value\n1,3x=3\n2,x=1\n"))
            .WithCodeOutputFile("all results.txt", "text/plain", Encoding.UTF8.GetBytes("x = 1\n")));

        var handler = new CodeRecordingHandler();
        await using (RunStream stream = await api.Client.Runs.CreateStreamingAsync(threadId, assistantId))
        {
            await handler.ConsumeAsync(stream);
        }

        ThreadRun run = handler.FinalRun!;
        List<RunStep> steps = await ToListAsync(api.Client.RunSteps.ListAsync(threadId, run.Id, new RunStepCollectionOptions { Order = ListOrder.Ascending }));
        var call = (RunStepCodeInterpreterToolCall)((RunStepToolCallDetails)steps[0].Details!).ToolCalls![0];
        string imageId = ((RunStepCodeInterpreterImageOutput)call.Outputs![1]).Image!.FileId!;
        ThreadMessage answer = (await ToListAsync(api.Client.Messages.ListAsync(threadId, new MessageCollectionOptions { Limit = 1 })))[0];
        MessageText text = ((MessageTextContent)answer.Content![0]).Text!;
        List<FilePathAnnotation> paths = [.. text.Annotations!.Cast<FilePathAnnotation>()];

        Assert.Multiple(async () =>
        {
            Assert.That(run.Status, Is.EqualTo(RunStatus.Completed));
            Assert.That(handler.InputFragments, Has.Count.GreaterThan(3), "the input streams in small fragments");
            Assert.That(string.Concat(handler.InputFragments), Is.EqualTo(Code));
            Assert.That(handler.Logs, Is.EqualTo(new[] { Logs }), "the outputs arrive in one delta");
            Assert.That(handler.Order, Is.EqualTo(new[] { "tool_calls created", "code_interpreter call", "tool_calls done", "message_creation created", "message_creation done" }));
            Assert.That(handler.Text, Is.EqualTo(Reply));

            Assert.That(steps.Select(step => step.Type?.ToString()), Is.EqualTo(new[] { "tool_calls", "message_creation" }));
            Assert.That(steps[0].Status, Is.EqualTo(RunStepStatus.Completed));
            Assert.That(steps[0].Usage, Is.Not.Null);
            Assert.That(call.Input, Is.EqualTo(Code));
            Assert.That(((RunStepCodeInterpreterLogOutput)call.Outputs[0]).Logs, Is.EqualTo(Logs));

            StoredFile image = await api.Client.Files.GetAsync(imageId);
            Assert.That(image.Purpose?.ToString(), Is.EqualTo("assistants_output"));
            Assert.That(image.FileName, Is.EqualTo("plot.png"));
            Assert.That(image.SizeInBytes, Is.EqualTo(s_png.Length));

            Assert.That(paths.Select(path => path.Text), Is.EqualTo(new[] { TableLink, ResultsLink }));
            Assert.That(paths.Select(path => text.Value!.Substring(path.StartIndex!.Value, path.EndIndex!.Value - path.StartIndex.Value)), Is.EqualTo(new[] { TableLink, ResultsLink }));
            StoredFile csv = await api.Client.Files.GetAsync(paths[0].FileId!);
            Assert.That(csv.FileName, Is.EqualTo("steps.csv"));
            Assert.That((await api.Client.Files.GetAsync(paths[1].FileId!)).FileName, Is.EqualTo("all results.txt"));

            // The links stream as deltas of their own, each carrying its file_path annotation (the second link
            // arrives from the model in two fragments and is held back until whole).
            Assert.That(handler.StreamedPaths.Select(streamed => streamed.Fragment), Is.EqualTo(new[] { TableLink, ResultsLink }));
            Assert.That(handler.StreamedPaths.Select(streamed => streamed.Path.Index), Is.EqualTo(new[] { 0, 1 }));
            Assert.That(handler.StreamedPaths.Select(streamed => (streamed.Path.Text, streamed.Path.StartIndex, streamed.Path.EndIndex, streamed.Path.FilePath?.FileId)),
                Is.EqualTo(paths.Select(path => (path.Text, path.StartIndex, path.EndIndex, path.FileId))));
        });
    }

    [Test]
    public async Task PolledRun_RecordsTheSameSteps_AndTheModelIsOfferedTheHostedInterpreter()
    {
        await using EndToEndApi api = new();
        string assistantId = (await api.Client.Assistants.CreateAsync("gpt-4o", new AssistantCreationOptions
        {
            Tools = [new CodeInterpreterToolDefinition()],
        })).Id;
        string threadId = await api.CreateThreadAsync("Solve 3x + 11 = 14.");
        api.Model.Enqueue(ScriptedTurn.RunCode(Code, Logs, "x = 1"));

        ThreadRun run = await api.Client.Runs.CreateAndPollAsync(threadId, assistantId, pollingOptions: api.Polling);
        List<RunStep> steps = await ToListAsync(api.Client.RunSteps.ListAsync(threadId, run.Id, new RunStepCollectionOptions { Order = ListOrder.Ascending }));

        Assert.Multiple(() =>
        {
            Assert.That(run.Status, Is.EqualTo(RunStatus.Completed));
            Assert.That(steps.Select(step => step.Type?.ToString()), Is.EqualTo(new[] { "tool_calls", "message_creation" }));
            var call = (RunStepCodeInterpreterToolCall)((RunStepToolCallDetails)steps[0].Details!).ToolCalls![0];
            Assert.That(call.Input, Is.EqualTo(Code));
            Assert.That(call.Outputs, Has.Count.EqualTo(1));
            Assert.That(api.Model.LastOptions?.Tools?.OfType<Microsoft.Extensions.AI.HostedCodeInterpreterTool>().Count(), Is.EqualTo(1));
        });
    }

    private static async Task<List<T>> ToListAsync<T>(IAsyncEnumerable<T> items)
    {
        List<T> list = [];
        await foreach (T item in items)
        {
            list.Add(item);
        }

        return list;
    }

    private sealed class CodeRecordingHandler : AssistantEventHandler
    {
        private readonly StringBuilder _text = new();

        public List<string> InputFragments { get; } = [];

        public List<string> Logs { get; } = [];

        public List<string> Order { get; } = [];

        public List<(string Fragment, FilePathAnnotationDelta Path)> StreamedPaths { get; } = [];

        public string Text => _text.ToString();

        protected override void OnRunStepCreated(RunStep runStep) => Order.Add($"{runStep.Type} created");

        protected override void OnRunStepDone(RunStep runStep) => Order.Add($"{runStep.Type} done");

        protected override void OnToolCallCreated(RunStepToolCall toolCall) => Order.Add($"{toolCall.Type} call");

        protected override void OnToolCallDelta(RunStepToolCallDelta delta, RunStepToolCallSnapshot snapshot)
        {
            if (delta is RunStepCodeInterpreterToolCallDelta code)
            {
                if (!string.IsNullOrEmpty(code.CodeInterpreter?.Input))
                {
                    InputFragments.Add(code.CodeInterpreter.Input);
                }

                foreach (CodeInterpreterLogsOutputDelta logs in code.CodeInterpreter?.Outputs?.OfType<CodeInterpreterLogsOutputDelta>() ?? [])
                {
                    Logs.Add(logs.Logs!);
                }
            }
        }

        protected override void OnTextDelta(string text, int contentIndex) => _text.Append(text);

        protected override void OnMessageDelta(MessageDeltaUpdate delta)
        {
            foreach (MessageTextContentDelta part in (delta.Delta.Delta?.Content ?? []).OfType<MessageTextContentDelta>())
            {
                foreach (FilePathAnnotationDelta path in (part.Text?.Annotations ?? []).OfType<FilePathAnnotationDelta>())
                {
                    StreamedPaths.Add((part.Text!.Value!, path));
                }
            }
        }
    }
}
