// Every status a run can reach: queued, in_progress and completed through the run-waiter; requires_action answered by
// hand; cancelling and cancelled; a failed run's last_error; incomplete (max_completion_tokens reached); expired (a
// second embedded server with a two-second run expiry). Offline, the scripted model is told what to do in each part
// (hold, call a function, be slow to stop, fail, or answer at length).
using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using Assistants.Client;
using Assistants.Samples;
using Assistants.Server;
using Assistants.Server.Model;

await using SampleBackend backend = SampleBackend.Create();
AssistantsApiClient client = backend.Client;
var threads = new List<string>();
var polling = new RunPollingOptions { Interval = TimeSpan.FromMilliseconds(100) };
var seen = new List<string>();

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
Console.WriteLine($"   created {run.Id}: {Saw(run)}");
if (backend.IsScripted)
{
    await held.Started;   // the model has started answering
    Console.WriteLine($"   retrieved: {Saw(await client.Runs.GetAsync(threadId, run.Id))}");
}

release.SetResult();
run = await client.Runs.WaitForRunAsync(run, polling);
Console.WriteLine($"   the waiter returned: {Saw(run)} (completed_at {run.CompletedAt:HH:mm:ss})");

// 2. requires_action: the model calls a function; we run it ourselves and submit the output.
Console.WriteLine("\n2. A run that needs a tool output");
backend.Script(
    ScriptedTurn.CallFunction("get_weather", """{"city":"Paris"}"""),
    ScriptedTurn.Reply("It is 18 C and sunny in Paris."));
threadId = await NewThreadAsync("What is the weather in Paris?");
run = await client.Runs.CreateAndPollAsync(threadId, assistant.Id, pollingOptions: polling);
Console.WriteLine($"   the waiter returned: {Saw(run)}");
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

// 3. cancelling, then cancelled: the scripted model is held so the run is still going when we cancel it, and is slow
// to stop, so the run stays cancelling until the model lets go.
Console.WriteLine("\n3. A run cancelled while in progress");
var never = new TaskCompletionSource();
ScriptedTurn slow = ScriptedTurn.Reply("This answer is never given.").HeldUntil(never.Task).HeldThroughCancellation();
backend.Script(slow);
threadId = await NewThreadAsync("Write a very long essay.");
run = await client.Runs.CreateAsync(threadId, assistant.Id);
Console.WriteLine($"   created {run.Id}: {Saw(run)}");
if (backend.IsScripted)
{
    await slow.Started;
}

run = await client.Runs.CancelIfActiveAsync(threadId, run.Id);
Console.WriteLine($"   CancelIfActiveAsync returned: {Saw(run)}");
if (backend.IsScripted)
{
    Console.WriteLine($"   retrieved while the model is still stopping: {Saw(await client.Runs.GetAsync(threadId, run.Id))}");
    never.TrySetResult();   // the model stops
}

run = await client.Runs.WaitForRunAsync(run, polling);
Console.WriteLine($"   the waiter returned: {Saw(run)} (cancelled_at {run.CancelledAt:HH:mm:ss})");
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
    Console.WriteLine($"   the run ended {Saw(run)} (a real model does not fail on cue)");
}
catch (RunFailedException failed)
{
    Console.WriteLine($"   {failed.Run.Id} ended {Saw(failed.Run)}");
    Console.WriteLine($"   last_error: code={failed.LastError?.Code} message=\"{failed.LastError?.Message}\"");
}

// 5. incomplete: the run may write at most 256 tokens (the protocol's minimum); the story is longer, so the answer
// is cut and the run says why.
Console.WriteLine("\n5. A run that reaches max_completion_tokens");
backend.Script(ScriptedTurn.Reply(string.Concat(Enumerable.Repeat("Once upon a time there was a run that wanted to say far more than it was allowed to. ", 30))));
threadId = await NewThreadAsync("Tell me a very long story, at least a thousand words.");
run = await client.Runs.CreateAndPollAsync(threadId, assistant.Id, new RunCreationOptions { MaxCompletionTokens = 256 }, polling);
string cut = await LastAnswerAsync(threadId);
Console.WriteLine($"   the waiter returned: {Saw(run)} (reason {run.IncompleteDetails?.Reason})");
Console.WriteLine($"   the cut answer ({cut.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length} words, {run.Usage?.CompletionTokens} completion tokens): {cut[..Math.Min(cut.Length, 60)]}...");

// 6. expired: a second embedded server whose runs expire two seconds after they are created; its model never answers.
Console.WriteLine("\n6. A run that expires");
await using (SampleBackend? shortLived = backend.CreateSibling(new AssistantsServerOptions { RunExpiration = TimeSpan.FromSeconds(2) }))
{
    if (shortLived is null)
    {
        Console.WriteLine("   skipped: a remote server expires runs after its own timeout (10 minutes on the service)");
    }
    else
    {
        var late = new TaskCompletionSource();
        shortLived.Script(ScriptedTurn.Reply("Too late.").HeldUntil(late.Task));
        Assistant waiting = await shortLived.Client.Assistants.CreateAsync(shortLived.Model, new AssistantCreationOptions { Name = "Expiry demo" });
        AssistantThread other = await shortLived.Client.Threads.CreateAsync();
        await shortLived.Client.Messages.CreateAsync(other.Id, MessageRole.User, "Take your time.");
        run = await shortLived.Client.Runs.CreateAsync(other.Id, waiting.Id);
        Console.WriteLine($"   created {run.Id}, expires_at {run.ExpiresAt:HH:mm:ss} (2 s after created_at {run.CreatedAt:HH:mm:ss})");
        try
        {
            run = await shortLived.Client.Runs.WaitForRunAsync(run, polling);
            Console.WriteLine($"   the run ended {Saw(run)} before its expiry (a real model answers in time)");
        }
        catch (RunFailedException expired)
        {
            Console.WriteLine($"   the waiter threw RunFailedException: {Saw(expired.Run)}");
        }
        finally
        {
            late.TrySetResult();   // let the model go, so the server can be disposed
        }
    }
}

foreach (string id in threads)
{
    await client.Threads.DeleteAsync(id);
}

await client.Assistants.DeleteAsync(assistant.Id);
Console.WriteLine($"\nStatuses seen: {string.Join(", ", seen)}");
Console.WriteLine($"Deleted {threads.Count} threads and the assistant.");
return 0;

string Saw(ThreadRun seenRun)
{
    string status = seenRun.Status?.ToString() ?? "(none)";
    if (!seen.Contains(status))
    {
        seen.Add(status);
    }

    return status;
}

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
