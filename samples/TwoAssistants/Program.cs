// One thread, two assistants: a weather assistant and a travel assistant answer in turn on the same conversation.
// The second run overrides the travel assistant's model, instructions, tools and temperature for that run only,
// and the thread's messages show which assistant wrote what.
using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using Assistants.Client;
using Assistants.Samples;
using Assistants.Server.Model;

await using SampleBackend backend = SampleBackend.Create();
AssistantsApiClient client = backend.Client;
var polling = new RunPollingOptions { Interval = TimeSpan.FromMilliseconds(100) };

// Offline, the scripted model answers as each assistant would: the weather assistant calls get_weather, then
// answers; the travel assistant, given find_sights for its run, calls it and answers.
backend.Script(
    ScriptedTurn.CallFunction("get_weather", """{"city":"Lisbon"}"""),
    ScriptedTurn.Reply("Friday in Lisbon: 21 C, sunny, a light breeze in the evening."),
    ScriptedTurn.CallFunction("find_sights", """{"city":"Lisbon","weather":"sunny"}"""),
    ScriptedTurn.Reply("With sun all day: the Belem Tower in the morning, Alfama's viewpoints at sunset. Pack light layers."));

var weatherTools = new FunctionToolRegistry().Add("get_weather", arguments => Print("get_weather", arguments, """{"city":"Lisbon","temperature_c":21,"sky":"sunny"}"""));
var travelTools = new FunctionToolRegistry().Add("find_sights", arguments => Print("find_sights", arguments, """{"sights":["Belem Tower","Alfama viewpoints"]}"""));

Console.WriteLine("\n1. Two assistants");
Assistant weather = await client.Assistants.CreateAsync(backend.Model, new AssistantCreationOptions
{
    Name = "Weather",
    Instructions = "You report the weather. Use get_weather.",
    Tools = [Function("get_weather", "Current weather of a city.", """{"type":"object","properties":{"city":{"type":"string"}},"required":["city"]}""")],
});
Assistant travel = await client.Assistants.CreateAsync(backend.Model, new AssistantCreationOptions
{
    Name = "Travel",
    Instructions = "You are a travel guide.",
});
Console.WriteLine($"   {weather.Name}: {weather.Id} ({weather.Tools?.Count ?? 0} tool)");
Console.WriteLine($"   {travel.Name}: {travel.Id} ({travel.Tools?.Count ?? 0} tools)");

Console.WriteLine("\n2. One thread; the weather assistant answers first");
AssistantThread thread = await client.Threads.CreateAsync();
await client.Messages.CreateAsync(thread.Id, MessageRole.User, "I'm in Lisbon on Friday. What will the weather be?");
ThreadRun first = await client.Runs.CreateAndRunToolsAsync(thread.Id, weather.Id, weatherTools, pollingOptions: polling);
Describe(first, weather);

Console.WriteLine("\n3. The travel assistant answers next on the same thread, with per-run overrides");
await client.Messages.CreateAsync(thread.Id, MessageRole.User, "Given that weather, what should I see?");
var overrides = new RunCreationOptions
{
    Model = backend.Model,
    Instructions = "You are a travel guide. Plan around the weather already reported in this thread. Use find_sights.",
    Tools = [Function("find_sights", "Sights of a city suited to the weather.", """{"type":"object","properties":{"city":{"type":"string"},"weather":{"type":"string"}},"required":["city"]}""")],
    Temperature = 0.2,
};
ThreadRun second = await client.Runs.CreateAndRunToolsAsync(thread.Id, travel.Id, travelTools, overrides, polling);
Describe(second, travel);

Console.WriteLine("\n4. The conversation, oldest first, with who wrote each message");
var names = new Dictionary<string, string> { [weather.Id] = weather.Name ?? "weather", [travel.Id] = travel.Name ?? "travel" };
await foreach (ThreadMessage message in client.Messages.ListAsync(thread.Id, new MessageCollectionOptions { Order = ListOrder.Ascending }))
{
    string author = message.AssistantId is { } id && names.TryGetValue(id, out string? name) ? $"assistant {name}" : "user";
    string text = string.Concat(message.Content?.OfType<MessageTextContent>().Select(c => c.Text?.Value) ?? []);
    Console.WriteLine($"   [{author}] {text}");
}

Console.WriteLine("\n5. The assistants themselves are unchanged by the override");
Assistant travelAfter = await client.Assistants.GetAsync(travel.Id);
Console.WriteLine($"   {travelAfter.Name}: instructions \"{travelAfter.Instructions}\", {travelAfter.Tools?.Count ?? 0} tools");

await client.Threads.DeleteAsync(thread.Id);
await client.Assistants.DeleteAsync(weather.Id);
await client.Assistants.DeleteAsync(travel.Id);
Console.WriteLine("\nCleaned up the thread and both assistants.");
return 0;

static void Describe(ThreadRun run, Assistant assistant)
{
    string tools = string.Join(", ", run.Tools?.OfType<FunctionToolDefinition>().Select(t => t.Function?.Name) ?? []);
    Console.WriteLine($"   run {run.Id} by {assistant.Name} ended {run.Status}");
    Console.WriteLine($"   model {run.Model}, temperature {run.Temperature?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "default"}, tools [{tools}]");
    Console.WriteLine($"   instructions \"{run.Instructions}\"");
}

static string Print(string name, string arguments, string output)
{
    Console.WriteLine($"   -> {name}({arguments}) = {output}");
    return output;
}

static FunctionToolDefinition Function(string name, string description, string schema)
{
    using JsonDocument document = JsonDocument.Parse(schema);
    return new FunctionToolDefinition(name, description, document.RootElement.Clone());
}
