using System.Linq;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Microsoft.Extensions.AI;
using NUnit.Framework;

namespace Assistants.Server.Tests.FileSearch;

/// <summary>Attachments of a run's <c>additional_messages</c> (and of create-thread-and-run's messages) reach the run's tools.</summary>
[TestFixture(StoreKind.Memory)]
[TestFixture(StoreKind.Sqlite)]
public sealed class AdditionalMessageAttachmentTests(StoreKind store)
{
    private const string Foods = "The favorite food of several people:\n- Summanus Ferdinand: tacos\n- Tekakwitha Effie: pizza\n- Filip Carola: cake";

    [Test]
    public async Task FileSearchAttachment_InAdditionalMessages_JoinsANewThreadStore_AndTheRunFindsIt()
    {
        await using TestApi api = TestApi.Create(store: store);
        string fileId = await api.Http.UploadAsync("favorite_foods.txt", Foods);
        string assistantId = await api.CreateAssistantAsync(""","tools":[{"type":"file_search"}]""");
        string threadId = (string)(await api.PostAsync("threads"))["id"]!;

        string runId = (string)(await api.PostAsync($"threads/{threadId}/runs", AdditionalMessage(assistantId, fileId, "file_search")))["id"]!;
        await api.Server.WaitForIdleAsync();

        Assert.That((string?)(await api.GetAsync($"threads/{threadId}/runs/{runId}"))["status"], Is.EqualTo("completed"));
        Assert.That(SearchResultFileIds(await api.GetAsync($"threads/{threadId}/runs/{runId}/steps?order=asc")), Does.Contain(fileId));
        JsonArray storeIds = (JsonArray)(await api.GetAsync($"threads/{threadId}"))["tool_resources"]!["file_search"]!["vector_store_ids"]!;
        Assert.That(storeIds, Has.Count.EqualTo(1));
        string storeId = (string)storeIds[0]!;
        Assert.That(storeId, Does.StartWith("vs_"));
        JsonObject files = await api.GetAsync($"vector_stores/{storeId}/files");
        Assert.That(files["data"]!.AsArray().Select(file => ((string?)file!["id"], (string?)file["status"])), Is.EqualTo(new[] { (fileId, "completed") }));
    }

    [Test]
    public async Task FileSearchAttachment_InAdditionalMessages_JoinsTheThreadsFirstStore()
    {
        await using TestApi api = TestApi.Create(store: store);
        string first = await api.Http.UploadAsync("favorite_foods.txt", Foods);
        string second = await api.Http.UploadAsync("drinks.txt", "Filip drinks lemonade with his cake.");
        string assistantId = await api.CreateAssistantAsync(""","tools":[{"type":"file_search"}]""");
        JsonObject thread = await api.PostAsync("threads", $$$$"""{"tool_resources":{"file_search":{"vector_stores":[{"file_ids":["{{{{first}}}}"]}]}}}""");
        string threadId = (string)thread["id"]!;
        string storeId = (string)thread["tool_resources"]!["file_search"]!["vector_store_ids"]![0]!;
        await api.Server.WaitForIdleAsync();

        string runId = (string)(await api.PostAsync($"threads/{threadId}/runs", AdditionalMessage(assistantId, second, "file_search", "What does Filip drink?")))["id"]!;
        await api.Server.WaitForIdleAsync();

        Assert.That(SearchResultFileIds(await api.GetAsync($"threads/{threadId}/runs/{runId}/steps?order=asc")).First(), Is.EqualTo(second));
        Assert.That((string?)(await api.GetAsync($"threads/{threadId}"))["tool_resources"]!["file_search"]!["vector_store_ids"]!.ToJsonString(), Is.EqualTo($"[\"{storeId}\"]"));
        Assert.That((int)(await api.GetAsync($"vector_stores/{storeId}"))["file_counts"]!["completed"]!, Is.EqualTo(2));
    }

    [Test]
    public async Task FileSearchAttachment_InCreateThreadAndRunMessages_IsFoundByThatRun()
    {
        await using TestApi api = TestApi.Create(store: store);
        string fileId = await api.Http.UploadAsync("favorite_foods.txt", Foods);
        string assistantId = await api.CreateAssistantAsync(""","tools":[{"type":"file_search"}]""");

        JsonObject run = await api.PostAsync("threads/runs", $$$"""
            {"assistant_id":"{{{assistantId}}}","thread":{"messages":[{"role":"user","content":"What is Filip's favorite food?",
             "attachments":[{"file_id":"{{{fileId}}}","tools":[{"type":"file_search"}]}]}]}}
            """);
        await api.Server.WaitForIdleAsync();

        string threadId = (string)run["thread_id"]!;
        Assert.That(SearchResultFileIds(await api.GetAsync($"threads/{threadId}/runs/{(string)run["id"]!}/steps?order=asc")), Does.Contain(fileId));
        Assert.That((string?)(await api.GetAsync($"threads/{threadId}"))["tool_resources"]!["file_search"]!["vector_store_ids"]![0], Does.StartWith("vs_"));
    }

    [Test]
    public async Task CodeInterpreterAttachment_InAdditionalMessages_IsAnInputOfTheInterpreter_AndMakesNoStore()
    {
        await using TestApi api = TestApi.Create(store: store);
        string fileId = await api.Http.UploadAsync("data.csv", "x,y\n1,2\n");
        string assistantId = await api.CreateAssistantAsync(""","tools":[{"type":"code_interpreter"}]""");
        string threadId = (string)(await api.PostAsync("threads"))["id"]!;

        await api.PostAsync($"threads/{threadId}/runs", AdditionalMessage(assistantId, fileId, "code_interpreter"));
        await api.Server.WaitForIdleAsync();

        HostedCodeInterpreterTool tool = api.Model.LastOptions!.Tools!.OfType<HostedCodeInterpreterTool>().Single();
        Assert.That(tool.Inputs!.OfType<HostedFileContent>().Select(input => input.FileId), Is.EqualTo(new[] { fileId }));
        Assert.That((await api.GetAsync($"threads/{threadId}"))["tool_resources"]!["file_search"], Is.Null);
    }

    private static string AdditionalMessage(string assistantId, string fileId, string tool, string text = "What is Filip's favorite food?") => $$"""
        {"assistant_id":"{{assistantId}}","additional_messages":[{"role":"user","content":"{{text}}",
         "attachments":[{"file_id":"{{fileId}}","tools":[{"type":"{{tool}}"}]}]}]}
        """;

    private static string?[] SearchResultFileIds(JsonObject steps) =>
        [.. steps["data"]!.AsArray()
            .Where(step => (string?)step!["type"] == "tool_calls")
            .SelectMany(step => step!["step_details"]!["tool_calls"]!.AsArray())
            .Where(call => (string?)call!["type"] == "file_search")
            .SelectMany(call => call!["file_search"]!["results"]!.AsArray())
            .Select(result => (string?)result!["file_id"])];
}
