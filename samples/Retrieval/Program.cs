// Retrieval with file_search: upload a small knowledge base into a vector store (the batch helper uploads the files
// and waits until they are indexed), give an assistant file_search on that store, ask two questions, and print each
// answer with its file citations as [1], [2] markers and the names of the files they cite.
// Runs offline by default: the embedded server indexes and searches the files itself (keyword ranking).
using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using Assistants.Client;
using Assistants.Samples;
using Assistants.Server.Model;

await using SampleBackend backend = SampleBackend.Create();
AssistantsApiClient client = backend.Client;
var polling = new RunPollingOptions { Interval = TimeSpan.FromMilliseconds(100) };

Console.WriteLine("\n1. Create a vector store and upload the documents into it as one batch");
VectorStore store = await client.VectorStores.CreateAsync(new VectorStoreCreationOptions { Name = "Northwind knowledge base" });
VectorStoreFileBatch batch = await client.VectorStores.UploadFileBatchAndWaitAsync(
    store.Id,
    SampleDocuments.All.Select(doc => new FileUpload(new MemoryStream(Encoding.UTF8.GetBytes(doc.Text)), doc.FileName) { ContentType = "text/plain" }),
    new FileBatchUploadOptions { Polling = new VectorStorePollingOptions { Interval = TimeSpan.FromMilliseconds(100) } });
Console.WriteLine($"   {store.Id}: batch {batch.Id} {batch.Status}");
store = await client.VectorStores.GetAsync(store.Id);
VectorStoreFileCounts? counts = store.FileCounts;
Console.WriteLine($"   file_counts: {counts?.Completed} completed, {counts?.InProgress} in_progress, {counts?.Failed} failed, {counts?.Cancelled} cancelled, {counts?.Total} total; {store.UsageBytes} bytes indexed");

Console.WriteLine("\n2. Create an assistant with file_search on that store, and a thread");
Assistant assistant = await client.Assistants.CreateAsync(backend.Model, new AssistantCreationOptions
{
    Name = "Northwind Helper",
    Instructions = "Answer questions about Northwind Outfitters from the files, and cite them.",
    Tools = [new FileSearchToolDefinition()],
    ToolResources = new ToolResources { FileSearch = new FileSearchToolResources { VectorStoreIds = [store.Id] } },
});
AssistantThread thread = await client.Threads.CreateAsync();
Console.WriteLine($"   {assistant.Id} ({assistant.Name}), {thread.Id}");

// Offline, the scripted model's default answer quotes the best sentences of the top search result and cites it;
// the second answer is scripted to cite the first two results (【message:result†name】 markers). Either way the
// server resolves each marker to the file its own search ranked there, so the citations name what it found.
Console.WriteLine("\n3. Ask: How much paid vacation do I get?");
await AskAsync("How much paid vacation do I get?");

backend.Script(ScriptedTurn.Reply(
    "The Trailblazer tent has a five-year warranty against manufacturing defects【3:0†tent-faq.md】, " +
    "and unused items can still be returned within 60 days of purchase, with the receipt【3:1†returns-policy.txt】."));
Console.WriteLine("\n4. Ask: I bought a Trailblazer tent last month. Can I still return it, and what warranty does it have?");
await AskAsync("I bought a Trailblazer tent last month. Can I still return it, and what warranty does it have?");

Console.WriteLine("\n5. Clean up");
await client.Threads.DeleteAsync(thread.Id);
await client.Assistants.DeleteAsync(assistant.Id);
List<string> fileIds = [];
await foreach (VectorStoreFile file in client.VectorStores.ListFilesAsync(store.Id))
{
    fileIds.Add(file.Id);
}

await client.VectorStores.DeleteAsync(store.Id);
foreach (string fileId in fileIds)
{
    await client.Files.DeleteAsync(fileId);
}

Console.WriteLine($"   deleted the thread, the assistant, the vector store and {fileIds.Count} files");
return 0;

// Asks a question on the thread, runs the assistant, and prints what the search found and the cited answer.
async Task AskAsync(string question)
{
    await client.Messages.CreateAsync(thread.Id, MessageRole.User, question);
    ThreadRun run = await client.Runs.CreateAndPollAsync(thread.Id, assistant.Id, pollingOptions: polling);
    Console.WriteLine($"   run {run.Id} ended {run.Status}");

    await foreach (RunStep step in client.RunSteps.ListAsync(thread.Id, run.Id))
    {
        foreach (RunStepFileSearchToolCall search in (step.Details as RunStepToolCallDetails)?.ToolCalls?.OfType<RunStepFileSearchToolCall>() ?? [])
        {
            Console.WriteLine($"   file_search found: {string.Join(", ", search.Results?.Select(r => $"{r.FileName} ({r.Score:0.00})") ?? [])}");
        }
    }

    await foreach (ThreadMessage answer in client.Messages.ListAsync(thread.Id, new MessageCollectionOptions { Limit = 1 }))
    {
        foreach (MessageText text in answer.Content?.OfType<MessageTextContent>().Select(c => c.Text).OfType<MessageText>() ?? [])
        {
            await PrintCitedAsync(text);
        }

        break;
    }
}

// Replaces each file_citation's marker with [n] and lists the cited files, their names read through the Files API.
async Task PrintCitedAsync(MessageText text)
{
    string value = text.Value ?? "";
    List<string> notes = [];
    foreach (FileCitationAnnotation citation in (text.Annotations ?? []).OfType<FileCitationAnnotation>())
    {
        string number = $"[{notes.Count + 1}]";
        value = string.IsNullOrEmpty(citation.Text) ? value : value.Replace(citation.Text, number, StringComparison.Ordinal);
        StoredFile file = await client.Files.GetAsync(citation.FileId ?? "");

        // Some servers also send the quoted text (the protocol's first version did); print it when it is there.
        string quote = citation.FileCitation?.AdditionalProperties?.TryGetValue("quote", out JsonElement q) == true
            && q.ValueKind == JsonValueKind.String && q.GetString() is { Length: > 0 } quoted
            ? $": \"{quoted}\""
            : "";
        notes.Add($"{number} {file.FileName} ({file.Id}){quote}");
    }

    Console.WriteLine($"   answer: {value}");
    notes.ForEach(note => Console.WriteLine($"   {note}"));
}
