using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using NUnit.Framework;

namespace Assistants.Client.Tests.Replay;

/// <summary>
/// Run scenarios recorded from live traffic, replayed through the public client: each recorded response answers
/// the next request, and the client's requests follow the recorded sequence (method, URI with <c>include[]</c>, body).
/// </summary>
[TestFixture]
[Category("Replay")]
public sealed class RunScenarioReplayTests
{
    private static readonly JsonElement s_dayOfWeekSchema = JsonDocument.Parse(
        """{"type":"object","properties":{"day_of_week":{"type":"string","description":"a day of the week, like Tuesday or Saturday"}}}""").RootElement.Clone();

    [TestCase("AssistantsTests/FunctionToolsWork")]
    [TestCase("AssistantsTests/FunctionToolsWorkAsync")]
    public async Task FunctionTools_CreateThreadAndRunPollAndSubmitOutputs_FollowTheRecording(string scenario)
    {
        using ScenarioWire wire = new(scenario);
        int extraRequiresActionPolls = wire.CountResponses(e => e.Method == "GET" && e.ResponseStatus == "requires_action") - 1;

        Assistant assistant = await wire.Client.Assistants.CreateAsync("gpt-4o", new AssistantCreationOptions
        {
            Tools = new List<ToolDefinition>
            {
                ToolDefinition.CreateFunction("get_favorite_food_for_day_of_week", "gets the user's favorite food for a given day of the week, like Tuesday", s_dayOfWeekSchema),
            },
        });
        ThreadRun run = await wire.Client.Runs.CreateThreadAndRunAsync(assistant.Id, new ThreadCreationOptions
        {
            Messages = new List<ThreadInitializationMessage> { new(MessageRole.User, "What should I eat on Thursday?") },
        });
        Assert.That(run.Status, Is.EqualTo(RunStatus.Queued));

        while (run.Status == RunStatus.Queued || run.Status == RunStatus.InProgress)
        {
            run = await wire.Client.Runs.GetAsync(run.ThreadId!, run.Id);
        }

        Assert.That(run.Status, Is.EqualTo(RunStatus.RequiresAction));
        for (int i = 0; i < extraRequiresActionPolls; i++)
        {
            run = await wire.Client.Runs.GetAsync(run.ThreadId!, run.Id);
            Assert.That(run.Status, Is.EqualTo(RunStatus.RequiresAction));
        }

        List<ToolOutput> outputs = new();
        foreach (RequiredToolCall call in run.RequiredAction!.SubmitToolOutputs!.ToolCalls!)
        {
            Assert.That(call.FunctionName, Is.EqualTo("get_favorite_food_for_day_of_week"));
            using JsonDocument arguments = JsonDocument.Parse(call.FunctionArguments!);
            string day = arguments.RootElement.GetProperty("day_of_week").GetString()!;
            outputs.Add(new ToolOutput(call.Id, day == "Thursday" ? "tacos" : "pizza"));
        }

        run = await wire.Client.Runs.SubmitToolOutputsAsync(run.ThreadId!, run.Id, outputs);
        while (run.Status?.IsTerminal != true)
        {
            run = await wire.Client.Runs.GetAsync(run.ThreadId!, run.Id);
        }

        List<ThreadMessage> messages = await wire.Client.Messages.ListAsync(run.ThreadId!, new MessageCollectionOptions { Order = ListOrder.Descending }).ToListAsync();

        wire.AssertFollowedTheRecording();
        Assert.Multiple(() =>
        {
            Assert.That(run.Status, Is.EqualTo(RunStatus.Completed));
            Assert.That(run.CompletedAt, Is.Not.Null);
            Assert.That(run.Usage!.TotalTokens, Is.GreaterThan(0));
            Assert.That(messages[0].Role, Is.EqualTo(MessageRole.Assistant));
            Assert.That(((MessageTextContent)messages[0].Content![0]).Text!.Value, Does.Contain("taco").IgnoreCase);
        });
    }

    [TestCase("AssistantsTests/BasicRunOperationsWork")]
    [TestCase("AssistantsTests/BasicRunOperationsWorkAsync")]
    public async Task BasicRunOperations_FollowTheRecording(string scenario)
    {
        using ScenarioWire wire = new(scenario);

        Assistant assistant = await wire.Client.Assistants.CreateAsync("gpt-4o");
        AssistantThread thread = await wire.Client.Threads.CreateAsync();
        List<ThreadRun> before = await wire.Client.Runs.ListAsync(thread.Id).ToListAsync();
        await wire.Client.Messages.CreateAsync(thread.Id, MessageRole.User, "Hello, assistant!");
        ThreadRun run = await wire.Client.Runs.CreateAsync(thread.Id, assistant.Id, new RunCreationOptions
        {
            AdditionalMessages = new List<ThreadInitializationMessage>(),
            Include = new List<string> { RunStepInclude.FileSearchResultContent },
        });
        ThreadRun fetched = await wire.Client.Runs.GetAsync(thread.Id, run.Id);
        List<ThreadRun> after = await wire.Client.Runs.ListAsync(thread.Id).ToListAsync();
        List<ThreadMessage> during = await wire.Client.Messages.ListAsync(thread.Id).ToListAsync();
        do
        {
            run = await wire.Client.Runs.GetAsync(thread.Id, run.Id);
        }
        while (run.Status?.IsTerminal != true);

        List<ThreadMessage> messages = await wire.Client.Messages.ListAsync(thread.Id).ToListAsync();

        wire.AssertFollowedTheRecording();
        Assert.Multiple(() =>
        {
            Assert.That(before, Is.Empty);
            Assert.That(fetched.Id, Is.EqualTo(run.Id));
            Assert.That(after.Select(r => r.Id), Is.EqualTo(new[] { run.Id }));
            Assert.That(during, Has.Count.EqualTo(1));
            Assert.That(run.Status, Is.EqualTo(RunStatus.Completed));
            Assert.That(run.ExpiresAt, Is.Null, "expires_at becomes null once the run has ended");
            Assert.That(messages, Has.Count.EqualTo(2));
        });
    }
}
