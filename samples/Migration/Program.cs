// Moving a thread off a server that is going away: export it (with its messages, runs, run steps, assistant and
// files) from one embedded server, import it into a second one through Assistants.Server's import route, export the
// copy and check the two folders match byte for byte. Runs offline: two in-process servers, the scripted model.
// `dotnet run --project samples/Migration -- --messages 1000` populates a larger thread and prints the figures.
using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;
using Assistants.Client;
using Assistants.Server;
using Assistants.Server.Model;

// The thread: N messages in all (default 12): N - 2 earlier ones, a question, and the answer of a run that calls a function.
int messages = args.Length == 2 && args[0] == "--messages" ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 12;
int extraMessages = Math.Max(0, messages - 2);
string root = Directory.CreateTempSubdirectory("assistants-migration-").FullName;
try
{
    await using AssistantsServer oldServer = new();
    await using AssistantsServer newServer = new(new AssistantsServerOptions { EnableImport = true });
    using AssistantsApiClient oldClient = new(ServerProfile.Embedded(oldServer.CreateHandler()), apiKey: null);
    using AssistantsApiClient newClient = new(ServerProfile.Embedded(newServer.CreateHandler()), apiKey: null);

    Console.WriteLine("1. Populate a thread on the old server");
    string threadId = await Populate.ThreadAsync(oldClient, oldServer.ScriptedModel!, extraMessages);
    Console.WriteLine($"   {threadId}: {extraMessages + 2} messages, a run with a function call");

    Console.WriteLine("\n2. Export it (JSON Lines + file bytes)");
    string first = Path.Combine(root, "export");
    Stopwatch clock = Stopwatch.StartNew();
    ExportResult exported = await new AssistantsExporter(oldClient).ExportAsync(first, new ExportOptions { ThreadIds = { threadId } });
    TimeSpan exportTime = clock.Elapsed;
    foreach (KeyValuePair<string, long> count in exported.Objects.Where(pair => pair.Value > 0))
    {
        Console.WriteLine($"   {count.Key,-26}{count.Value,6}");
    }

    Console.WriteLine($"   {exported.TotalObjects} objects, {exported.Bytes} bytes");

    Console.WriteLine("\n3. Import it into the new server (ids, timestamps, runs and steps kept)");
    clock.Restart();
    ImportResult imported = await new AssistantsImporter(newClient).ImportAsync(first);
    TimeSpan importTime = clock.Elapsed;
    Console.WriteLine("   " + string.Join(", ", imported.Imported.Select(pair => $"{pair.Key} {pair.Value}")));

    Console.WriteLine("\n4. Export the copy and compare");
    string second = Path.Combine(root, "copy");
    clock.Restart();
    await new AssistantsExporter(newClient).ExportAsync(second, new ExportOptions { ThreadIds = { threadId } });
    TimeSpan reexportTime = clock.Elapsed;
    List<string> different = Compare(first, second);
    ThreadMessage last = (await newClient.Messages.ListAsync(threadId).ToListAsync())[0];
    Console.WriteLine($"   the new server's last message: {string.Concat((last.Content ?? []).OfType<MessageTextContent>().Select(t => t.Text?.Value))}");
    Console.WriteLine($"   folders match: {different.Count == 0}{(different.Count == 0 ? "" : " (" + string.Join(", ", different) + ")")}");
    Console.WriteLine($"   times: export {exportTime.TotalMilliseconds:F0} ms, import {importTime.TotalMilliseconds:F0} ms, export again {reexportTime.TotalMilliseconds:F0} ms");
    return different.Count == 0 ? 0 : 1;
}
finally
{
    Directory.Delete(root, recursive: true);
}

// Every file except the checkpoint, compared byte for byte.
static List<string> Compare(string a, string b)
{
    static IEnumerable<string> Names(string folder) => Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
        .Select(path => Path.GetRelativePath(folder, path)).Where(name => name != "checkpoint.jsonl").Order(StringComparer.Ordinal);
    List<string> namesA = [.. Names(a)], namesB = [.. Names(b)];
    if (!namesA.SequenceEqual(namesB))
    {
        return ["file lists"];
    }

    return [.. namesA.Where(name => !File.ReadAllBytes(Path.Combine(a, name)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(b, name))))];
}

internal static class Populate
{
    public static async System.Threading.Tasks.Task<string> ThreadAsync(AssistantsApiClient client, ScriptedChatClient model, int extraMessages)
    {
        StoredFile notes = await client.Files.UploadAsync(Encoding.UTF8.GetBytes("Oslo in March: 2 degrees, rain.\n"), "notes.txt", FilePurpose.Assistants);
        Assistant assistant = await client.Assistants.CreateAsync("gpt-4o", new AssistantCreationOptions
        {
            Name = "Travel helper",
            Tools = new List<ToolDefinition> { new FunctionToolDefinition("get_weather", "Gets the weather in a city") },
        });
        AssistantThread thread = await client.Threads.CreateAsync(new ThreadCreationOptions { Metadata = new Dictionary<string, string> { ["customer"] = "c-42" } });
        for (int i = 0; i < extraMessages; i++)
        {
            await client.Messages.CreateAsync(thread.Id, i % 2 == 0 ? MessageRole.User : MessageRole.Assistant, $"Earlier message {i + 1}: planning the trip, day {i % 7 + 1}.");
        }

        await client.Messages.CreateAsync(thread.Id, MessageRole.User, new[]
        {
            MessageContentPart.CreateText("What should I pack for Oslo?"),
            MessageContentPart.CreateImageUrl("https://example.com/oslo.png"),
        }, new MessageCreationOptions { Attachments = new List<MessageAttachment> { new(notes.Id) }, Metadata = new Dictionary<string, string> { ["source"] = "app" } });

        model.Enqueue(ScriptedTurn.CallFunction("get_weather", """{"city":"Oslo"}""")).Enqueue(ScriptedTurn.Reply("Pack a raincoat and a warm jumper."));
        RunPollingOptions polling = new() { Interval = TimeSpan.FromMilliseconds(20) };
        ThreadRun run = await client.Runs.CreateAndPollAsync(thread.Id, assistant.Id, pollingOptions: polling);
        await client.Runs.RunToolLoopAsync(run, new FunctionToolRegistry().Add("get_weather", _ => "2 degrees and rain"), polling);
        return thread.Id;
    }
}
