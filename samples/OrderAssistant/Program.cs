// Function calling with the tool loop: the assistant totals an order by calling two .NET functions,
// get_price(item) and apply_discount(code, subtotal), registered in a FunctionToolRegistry. RunToolLoopAsync polls
// the run, runs the functions each time the run is requires_action, submits their outputs and stops when it ends.
using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using Assistants.Client;
using Assistants.Samples;
using Assistants.Server.Model;

await using SampleBackend backend = SampleBackend.Create();
AssistantsApiClient client = backend.Client;

// The shop's data, seen only by the functions.
var prices = new Dictionary<string, decimal>(StringComparer.OrdinalIgnoreCase) { ["coffee"] = 3.00m, ["croissant"] = 2.50m, ["juice"] = 4.00m };
var discounts = new Dictionary<string, decimal>(StringComparer.OrdinalIgnoreCase) { ["SPRING10"] = 0.10m };

// Offline, the scripted model makes the calls a real model would make, one turn per model call:
// look up both prices (two parallel calls), apply the discount to 2 x 3.00 + 2.50 = 8.50, then answer.
backend.Script(
    ScriptedTurn.CallFunctions(
        new("get_price", """{"item":"coffee"}"""),
        new("get_price", """{"item":"croissant"}""")),
    ScriptedTurn.CallFunction("apply_discount", """{"code":"SPRING10","subtotal":8.50}"""),
    ScriptedTurn.Reply("Two coffees (2 x $3.00) and a croissant ($2.50) make $8.50; with SPRING10 (10% off) your total is $7.65."));

Console.WriteLine("\n1. Register the functions");
var tools = new FunctionToolRegistry()
    .Add("get_price", arguments =>
    {
        string item = Read(arguments).GetProperty("item").GetString() ?? "";
        string output = prices.TryGetValue(item, out decimal price)
            ? $$"""{"item":"{{item}}","price":{{Money(price)}}}"""
            : $$"""{"error":"unknown item '{{item}}'"}""";
        Console.WriteLine($"   -> get_price({arguments}) = {output}");
        return output;
    })
    .Add("apply_discount", arguments =>
    {
        JsonElement args = Read(arguments);
        string code = args.GetProperty("code").GetString() ?? "";
        decimal subtotal = args.GetProperty("subtotal").GetDecimal();
        decimal rate = discounts.GetValueOrDefault(code);
        string output = $$"""{"code":"{{code}}","discount":{{Money(subtotal * rate)}},"total":{{Money(subtotal * (1 - rate))}}}""";
        Console.WriteLine($"   -> apply_discount({arguments}) = {output}");
        return output;
    });
Console.WriteLine($"   {string.Join(", ", tools.Names)}");

Console.WriteLine("\n2. Create an assistant that declares them as function tools");
Assistant assistant = await client.Assistants.CreateAsync(backend.Model, new AssistantCreationOptions
{
    Name = "Order Assistant",
    Instructions = "You total customer orders. Always look prices up with get_price and apply discount codes with apply_discount.",
    Tools =
    [
        new FunctionToolDefinition("get_price", "Returns the unit price of an item in USD.", Schema("""
            {"type":"object","properties":{"item":{"type":"string"}},"required":["item"]}
            """)),
        new FunctionToolDefinition("apply_discount", "Applies a discount code to a subtotal and returns the total.", Schema("""
            {"type":"object","properties":{"code":{"type":"string"},"subtotal":{"type":"number"}},"required":["code","subtotal"]}
            """)),
    ],
});
Console.WriteLine($"   {assistant.Id} with {assistant.Tools?.Count} tools");

Console.WriteLine("\n3. A thread with the customer's order");
AssistantThread thread = await client.Threads.CreateAsync();
await client.Messages.CreateAsync(thread.Id, MessageRole.User, "Two coffees and one croissant please, discount code SPRING10. What is my total?");
Console.WriteLine($"   {thread.Id}");

Console.WriteLine("\n4. Run it with the tool loop (the function calls print as they happen)");
ThreadRun run = await client.Runs.CreateAndRunToolsAsync(
    thread.Id, assistant.Id, tools, pollingOptions: new RunPollingOptions { Interval = TimeSpan.FromMilliseconds(100) });
Console.WriteLine($"   run {run.Id} ended {run.Status}");

Console.WriteLine("\n5. The tool-call steps of the run");
await foreach (RunStep step in client.RunSteps.ListAsync(thread.Id, run.Id, new RunStepCollectionOptions { Order = ListOrder.Ascending }))
{
    string calls = step.Details is RunStepToolCallDetails details
        ? string.Join(", ", details.ToolCalls?.OfType<RunStepFunctionToolCall>().Select(c => $"{c.Function?.Name} -> {c.Function?.Output}") ?? [])
        : "writes the answer";
    Console.WriteLine($"   {step.Id} {step.Type}: {calls}");
}

await foreach (ThreadMessage message in client.Messages.ListAsync(thread.Id, new MessageCollectionOptions { RunId = run.Id }))
{
    Console.WriteLine($"\nFinal answer: {string.Concat(message.Content?.OfType<MessageTextContent>().Select(c => c.Text?.Value) ?? [])}");
}

await client.Threads.DeleteAsync(thread.Id);
await client.Assistants.DeleteAsync(assistant.Id);
Console.WriteLine("\nCleaned up the thread and the assistant.");
return 0;

static JsonElement Read(string json)
{
    using JsonDocument document = JsonDocument.Parse(json);
    return document.RootElement.Clone();
}

static JsonElement Schema(string json) => Read(json);

static string Money(decimal value) => Math.Round(value, 2).ToString("0.00", CultureInfo.InvariantCulture);
