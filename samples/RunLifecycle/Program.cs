// A run's states: polling with the run-waiter, requires_action answered by hand, a cancelled run, and a failed run's
// last_error. Offline, the scripted model is told what to do in each part (hold, call a function, or fail).
using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using Assistants.Client;
using Assistants.Samples;
using Assistants.Server.Model;

await using SampleBackend backend = SampleBackend.Create();
AssistantsApiClient client = backend.Client;
var threads = new List<string>();
var polling = new RunPollingOptions { Interval = TimeSpan.FromMilliseconds(100) };

using JsonDocument schema = JsonDocument.Parse("""{"type":"object","properties":{"city":{"type":"string"}},"required":["city"]}""");
Assistant assistant = await client.Assistants.CreateAsync(backend.Model, new AssistantCreationOptions
{
    Name = "Lifecycle demo",
    Instructions = "Answer in one sentence. Use get_weather for weather questions.",
    Tools = [new FunctionToolDefinition("get_weather", "Current weather of a city.", schema.RootElement.Clone())],
});
Console.WriteLine($"Assistant {assistant.Id}");

// 1. queued -> in_progress -> completed, seen by polling. The scripted turn is held until we have looked at it.
Console.WriteLine("\n1. A run, polled until it ends");
var release = new TaskCompletionSource();
ScriptedTurn held = ScriptedTurn.Reply("Hello! The run is done.").HeldUntil(release.Task);
backend.Script(held);
string threadId = await NewThreadAsync("Say hello.");
ThreadRun run = await client.Runs.CreateAsync(threadId, assistant.Id);
Console.WriteLine($"   created {run.Id}: {run.Status}");
if (backend.IsScripted)
{
    await held.Started;   // the model has started answering
    Console.WriteLine($"   retrieved: {(await client.Runs.GetAsync(threadId, run.Id)).Status}");
}

release.SetResult();
run = await client.Runs.WaitForRunAsync(run, polling);
Console.WriteLine($"   the waiter returned: {run.Status} (completed_at {run.CompletedAt:HH:mm:ss})");

// 2. requires_action: the model calls a function; we run it ourselves and submit the output.
Console.WriteLine("\n2. A run that needs a tool output");
backend.Script(
    ScriptedTurn.CallFunction("get_weather", """{"city":"Paris"}"""),
    ScriptedTurn.Reply("It is 18 C and sunny in Paris."));
threadId = await NewThreadAsync("What is the weather in Paris?");
run = await client.Runs.CreateAndPollAsync(threadId, assistant.Id, pollingOptions: polling);
Console.WriteLine($"   the waiter returned: {run.Status}");
if (run.Status == RunStatus.RequiresAction)
{
    RequiredToolCall call = run.RequiredAction!.SubmitToolOutputs!.ToolCalls![0];
    Console.WriteLine($"   the model asks for {call.FunctionName}({call.FunctionArguments}) as {call.Id}");
    string output = """{"city":"Paris","temperature_c":18,"sky":"sunny"}""";
    Console.WriteLine($"   submitting {output}");
    run = await client.Runs.SubmitToolOutputsAndPollAsync(threadId, run.Id, [new ToolOutput(call.Id, output)], polling);
    Console.WriteLine($"   after the tool output: {run.Status}");
}

Console.WriteLine($"   answer: {await LastAnswerAsync(threadId)}");

// 3. cancelled: the scripted model is held so the run is still going when we cancel it.
Console.WriteLine("\n3. A run cancelled while in progress");
var never = new TaskCompletionSource();
ScriptedTurn slow = ScriptedTurn.Reply("This answer is never given.").HeldUntil(never.Task);
backend.Script(slow);
threadId = await NewThreadAsync("Write a very long essay.");
run = await client.Runs.CreateAsync(threadId, assistant.Id);
Console.WriteLine($"   created {run.Id}: {run.Status}");
if (backend.IsScripted)
{
    await slow.Started;
}

run = await client.Runs.CancelIfActiveAsync(threadId, run.Id);
Console.WriteLine($"   CancelIfActiveAsync returned: {run.Status}");
run = await client.Runs.WaitForRunAsync(run, polling);
Console.WriteLine($"   the waiter returned: {run.Status} (cancelled_at {run.CancelledAt:HH:mm:ss})");
run = await client.Runs.CancelIfActiveAsync(threadId, run.Id);
Console.WriteLine($"   cancelling again is harmless: {run.Status}");
never.TrySetResult();

// 4. failed: the scripted model throws; the waiter throws RunFailedException carrying last_error.
Console.WriteLine("\n4. A run that fails");
backend.Script(ScriptedTurn.Throw(new InvalidOperationException("The model service is unavailable (simulated).")));
threadId = await NewThreadAsync("Are you there?");
try
{
    run = await client.Runs.CreateAndPollAsync(threadId, assistant.Id, pollingOptions: polling);
    Console.WriteLine($"   the run ended {run.Status} (a real model does not fail on cue)");
}
catch (RunFailedException failed)
{
    Console.WriteLine($"   {failed.Run.Id} ended {failed.RunStatus}");
    Console.WriteLine($"   last_error: code={failed.LastError?.Code} message=\"{failed.LastError?.Message}\"");
}

foreach (string id in threads)
{
    await client.Threads.DeleteAsync(id);
}

await client.Assistants.DeleteAsync(assistant.Id);
Console.WriteLine($"\nDeleted {threads.Count} threads and the assistant.");
return 0;

async Task<string> NewThreadAsync(string text)
{
    AssistantThread thread = await client.Threads.CreateAsync();
    threads.Add(thread.Id);
    await client.Messages.CreateAsync(thread.Id, MessageRole.User, text);
    Console.WriteLine($"   thread {thread.Id}, user: {text}");
    return thread.Id;
}

async Task<string> LastAnswerAsync(string thread)
{
    await foreach (ThreadMessage message in client.Messages.ListAsync(thread, new MessageCollectionOptions { Limit = 1 }))
    {
        return string.Concat(message.Content?.OfType<MessageTextContent>().Select(c => c.Text?.Value) ?? []);
    }

    return "(no message)";
}
