// The Assistants tutorial flow, step by step: an assistant, a thread, a message, a streaming run printed live,
// then the run's steps and the message the run created. Runs offline by default (see the README for real models).
using System;
using System.Collections.Generic;
using System.Linq;
using Assistants.Client;
using Assistants.Samples;
using Assistants.Server.Model;

await using SampleBackend backend = SampleBackend.Create();
AssistantsApiClient client = backend.Client;

// Offline, the scripted model gives this answer (streamed word by word); a real model writes its own.
backend.Script(ScriptedTurn.Reply(
    "Subtract 11 from both sides to get 3x = 3, then divide both sides by 3: x = 1. Check: 3 * 1 + 11 = 14."));

Console.WriteLine("\n1. Create an assistant (with metadata, temperature and top_p)");
Assistant assistant = await client.Assistants.CreateAsync(backend.Model, new AssistantCreationOptions
{
    Name = "Math Tutor",
    Instructions = "You are a personal math tutor. Answer briefly and show the steps.",
    Metadata = new Dictionary<string, string> { ["sample"] = "quickstart" },
    Temperature = 0.2,
    TopP = 0.9,
});
Console.WriteLine($"   {assistant.Id}  name={assistant.Name}  model={assistant.Model}  temperature={assistant.Temperature}  top_p={assistant.TopP}");

Console.WriteLine("\n2. Create a thread (with metadata)");
AssistantThread thread = await client.Threads.CreateAsync(new ThreadCreationOptions
{
    Metadata = new Dictionary<string, string> { ["user"] = "student-42" },
});
Console.WriteLine($"   {thread.Id}  metadata user={thread.Metadata?["user"]}");

Console.WriteLine("\n3. Add a user message");
ThreadMessage question = await client.Messages.CreateAsync(
    thread.Id, MessageRole.User, "I need to solve the equation 3x + 11 = 14. Can you help me?");
Console.WriteLine($"   {question.Id}  user: {TextOf(question)}");

Console.WriteLine("\n4. Start a streaming run and print it as it arrives");
var handler = new ConsoleEventHandler();
await handler.ConsumeAsync(await client.Runs.CreateStreamingAsync(thread.Id, assistant.Id));
ThreadRun run = handler.FinalRun ?? throw new InvalidOperationException("The stream ended without a final run.");
Console.WriteLine($"   run {run.Id} ended {run.Status}; tokens: {run.Usage?.PromptTokens} prompt + {run.Usage?.CompletionTokens} completion");
if (run.Status != RunStatus.Completed)
{
    Console.WriteLine($"   last_error: {run.LastError?.Code} {run.LastError?.Message}");
    return 1;
}

Console.WriteLine("\n5. List the run's steps");
List<RunStep> steps = [];
await foreach (RunStep step in client.RunSteps.ListAsync(thread.Id, run.Id))
{
    steps.Add(step);
    Console.WriteLine($"   {step.Id}  type={step.Type}  status={step.Status}");
}

Console.WriteLine("\n6. Retrieve the message-creation step, then the message it created");
RunStep first = await client.RunSteps.GetAsync(thread.Id, run.Id, steps.First(s => s.Type == RunStepType.MessageCreation).Id);
string messageId = (first.Details as RunStepMessageCreationDetails)?.MessageId
    ?? throw new InvalidOperationException("The step names no message.");
ThreadMessage answer = await client.Messages.GetAsync(thread.Id, messageId);
Console.WriteLine($"   step {first.Id} created message {answer.Id} (role {answer.Role}, run {answer.RunId})");
Console.WriteLine($"\nFinal answer: {TextOf(answer)}");

Console.WriteLine("\n7. Clean up");
Console.WriteLine($"   thread deleted: {(await client.Threads.DeleteAsync(thread.Id)).Deleted}");
Console.WriteLine($"   assistant deleted: {(await client.Assistants.DeleteAsync(assistant.Id)).Deleted}");
return 0;

static string TextOf(ThreadMessage message) =>
    string.Concat(message.Content?.OfType<MessageTextContent>().Select(c => c.Text?.Value) ?? []);
