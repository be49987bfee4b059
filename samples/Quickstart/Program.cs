// The Assistants streaming tutorial, step by step: a Math Tutor with the code interpreter, a thread, a message, a
// streaming run printed live (text, and the code the interpreter runs with its logs), the run's steps and the
// message a step created, a follow-up question, then every run of the thread, newest first, with its steps.
// Runs offline by default (see the README for real models).
using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Assistants.Client;
using Assistants.Samples;
using Assistants.Server.Model;

await using SampleBackend backend = SampleBackend.Create();
AssistantsApiClient client = backend.Client;

// Offline, the scripted model answers both questions: the first by running code in its provider's interpreter (the
// code streams in fragments, then its logs), the second in words. A real model writes its own.
backend.Script(
    ScriptedTurn.RunCode(
        "from sympy import symbols, Eq, solve\nx = symbols('x')\nprint(solve(Eq(3*x + 11, 14), x))",
        "[1]\n",
        "The solution is x = 1: subtract 11 from both sides to get 3x = 3, then divide both sides by 3."),
    ScriptedTurn.Reply("Put x = 1 back in: 3 * 1 + 11 = 3 + 11 = 14, the right-hand side, so x = 1 is correct."));

Console.WriteLine("\n1. Create an assistant with the code interpreter (and metadata, temperature, top_p)");
Assistant assistant = await client.Assistants.CreateAsync(backend.Model, new AssistantCreationOptions
{
    Name = "Math Tutor",
    Instructions = "You are a personal math tutor. Write and run code to answer math questions.",
    Tools = [new CodeInterpreterToolDefinition()],
    Metadata = new Dictionary<string, string> { ["sample"] = "quickstart" },
    Temperature = 0.2,
    TopP = 0.9,
});
Console.WriteLine($"   {assistant.Id}  name={assistant.Name}  tools=[{string.Join(", ", assistant.Tools?.Select(t => t.Type) ?? [])}]  temperature={assistant.Temperature}  top_p={assistant.TopP}");

Console.WriteLine("\n2. Create a thread (with metadata)");
AssistantThread thread = await client.Threads.CreateAsync(new ThreadCreationOptions
{
    Metadata = new Dictionary<string, string> { ["user"] = "student-42" },
});
Console.WriteLine($"   {thread.Id}  metadata user={thread.Metadata?["user"]}");

Console.WriteLine("\n3. Add a user message (with metadata)");
ThreadMessage question = await client.Messages.CreateAsync(
    thread.Id,
    MessageRole.User,
    "I need to solve the equation `3x + 11 = 14`. Can you help me?",
    new MessageCreationOptions { Metadata = new Dictionary<string, string> { ["topic"] = "linear-equations" } });
Console.WriteLine($"   {question.Id}  metadata topic={question.Metadata?["topic"]}  user: {TextOf(question)}");

Console.WriteLine("\n4. Stream a run and print it as it arrives");
ThreadRun run = await StreamRunAsync();
if (run.Status != RunStatus.Completed)
{
    return 1;
}

Console.WriteLine("\n5. List the run's steps");
List<RunStep> steps = [];
await foreach (RunStep step in client.RunSteps.ListAsync(thread.Id, run.Id, new RunStepCollectionOptions { Order = ListOrder.Ascending }))
{
    steps.Add(step);
    Console.WriteLine($"   {step.Id}  type={step.Type}  status={step.Status}");
}

Console.WriteLine("\n6. Retrieve the message-creation step, then the message it created");
RunStep created = await client.RunSteps.GetAsync(thread.Id, run.Id, steps.First(s => s.Type == RunStepType.MessageCreation).Id);
string messageId = (created.Details as RunStepMessageCreationDetails)?.MessageId
    ?? throw new InvalidOperationException("The step names no message.");
ThreadMessage answer = await client.Messages.GetAsync(thread.Id, messageId);
Console.WriteLine($"   step {created.Id} created message {answer.Id} (role {answer.Role}, run {answer.RunId})");
Console.WriteLine($"\nFinal answer: {TextOf(answer)}");

Console.WriteLine("\n7. Ask a follow-up question on the same thread: a second run");
await client.Messages.CreateAsync(thread.Id, MessageRole.User, "How can I check that answer?");
if ((await StreamRunAsync()).Status != RunStatus.Completed)
{
    return 1;
}

Console.WriteLine("\n8. Every run of the thread, newest first, with its steps");
await foreach (ThreadRun each in client.Runs.ListAsync(thread.Id, new RunCollectionOptions { Order = ListOrder.Descending }))
{
    Console.WriteLine($"   {each.Id}  status={each.Status}");
    await foreach (RunStep step in client.RunSteps.ListAsync(thread.Id, each.Id, new RunStepCollectionOptions { Order = ListOrder.Ascending }))
    {
        Console.WriteLine($"      {step.Id}  type={step.Type}  {Describe(step.Details)}");
    }
}

Console.WriteLine("\n9. Clean up");
Console.WriteLine($"   thread deleted: {(await client.Threads.DeleteAsync(thread.Id)).Deleted}");
Console.WriteLine($"   assistant deleted: {(await client.Assistants.DeleteAsync(assistant.Id)).Deleted}");
return 0;

// Streams a run of the thread through the handler and prints how it ended.
async Task<ThreadRun> StreamRunAsync()
{
    var handler = new ConsoleEventHandler();
    await handler.ConsumeAsync(await client.Runs.CreateStreamingAsync(thread.Id, assistant.Id));
    ThreadRun final = handler.FinalRun ?? throw new InvalidOperationException("The stream ended without a final run.");
    Console.WriteLine($"   run {final.Id} ended {final.Status}; tokens: {final.Usage?.PromptTokens} prompt + {final.Usage?.CompletionTokens} completion");
    if (final.LastError is { } error)
    {
        Console.WriteLine($"   last_error: {error.Code} {error.Message}");
    }

    return final;
}

static string Describe(RunStepDetails? details) => details switch
{
    RunStepMessageCreationDetails message => $"message {message.MessageId}",
    RunStepToolCallDetails tools => string.Join(", ", tools.ToolCalls?.Select(call => call is RunStepCodeInterpreterToolCall code
        ? $"code_interpreter ({code.Input?.Split('\n').Length} lines of code, logs {string.Concat(code.Outputs?.OfType<RunStepCodeInterpreterLogOutput>().Select(o => o.Logs?.Trim()) ?? [])})"
        : call.Type) ?? []),
    _ => "",
};

static string TextOf(ThreadMessage message) =>
    string.Concat(message.Content?.OfType<MessageTextContent>().Select(c => c.Text?.Value) ?? []);
