using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Assistants.Server.Model;
using NUnit.Framework;

namespace Assistants.Server.Tests.FileSearch;

[TestFixture(StoreKind.Memory)]
[TestFixture(StoreKind.Sqlite)]
public sealed class FileSearchRunTests(StoreKind store)
{
    private const string Recording = "FileSearchStreamingWorks.json";
    private const string IncludeContent = "include[]=step_details.tool_calls%5B%2A%5D.file_search.results%5B%2A%5D.content";
    private const string Foods = "The favorite food of several people:\n- Summanus Ferdinand: tacos\n- Tekakwitha Effie: pizza\n- Filip Carola: cake";

    [Test]
    public async Task StreamedFileSearchRun_MatchesTheRecordedSequenceAndFields_WithACitation()
    {
        await using TestApi api = TestApi.Create(store: store);
        (string assistantId, string fileId) = await RecordedSetupAsync(api);
        string threadId = await api.CreateThreadAsync("Using the files you have available, what's Filip's favorite food?");
        api.Model.Enqueue(ScriptedTurn.Reply("Filip's favorite food is cake【4:0†favorite_foods.txt】."));

        List<SseEvent> events = await api.StreamAsync($"threads/{threadId}/runs?{IncludeContent}", $$"""{"assistant_id":"{{assistantId}}","stream":true}""");

        List<SseEvent> recorded = Recorded.Stream(Recording, 3);
        Assert.That(SseEvent.Shape(events), Is.EqualTo(SseEvent.Shape(recorded)));
        foreach (SseEvent expected in recorded.Where(e => e.Json is not null).DistinctBy(e => e.Name + (string?)e.Json!["type"]))
        {
            SseEvent mine = events.First(e => e.Name == expected.Name && (string?)e.Json!["type"] == (string?)expected.Json!["type"]);
            Assert.That(Recorded.Paths(mine.Json), Is.EquivalentTo(Recorded.Paths(expected.Json)), expected.Name);
        }

        SseEvent citedDelta = events.Single(e => e.Name == "thread.message.delta" && e.Data.Contains("file_citation"));
        SseEvent recordedDelta = recorded.Single(e => e.Name == "thread.message.delta" && e.Data.Contains("file_citation"));
        Assert.That(Recorded.Paths(citedDelta.Json), Is.EquivalentTo(Recorded.Paths(recordedDelta.Json)));
        JsonObject annotation = (JsonObject)citedDelta.Json!["delta"]!["content"]![0]!["text"]!["annotations"]![0]!;
        Assert.That((string?)annotation["text"], Is.EqualTo("【4:0†favorite_foods.txt】"));
        Assert.That((int)annotation["start_index"]!, Is.EqualTo(29));
        Assert.That((int)annotation["end_index"]!, Is.EqualTo(53));
        Assert.That((string?)annotation["file_citation"]!["file_id"], Is.EqualTo(fileId));

        JsonObject step = events.First(e => e.Name == "thread.run.step.completed").Json!;
        JsonObject call = (JsonObject)step["step_details"]!["tool_calls"]![0]!;
        Assert.That((string?)call["type"], Is.EqualTo("file_search"));
        Assert.That(call["file_search"]!["ranking_options"]!.ToJsonString(), Is.EqualTo("""{"ranker":"default_2024_08_21","score_threshold":0.0}"""));
        Assert.That((string?)call["file_search"]!["results"]![0]!["content"]![0]!["text"], Is.EqualTo(Foods));
        JsonObject message = events.Single(e => e.Name == "thread.message.completed").Json!;
        Assert.That(JsonNode.DeepEquals(message["content"]![0]!["text"]!["annotations"]![0], JsonNode.Parse(
            $$$"""{"type":"file_citation","text":"【4:0†favorite_foods.txt】","start_index":29,"end_index":53,"file_citation":{"file_id":"{{{fileId}}}"}}""")), Is.True);
    }

    [Test]
    public async Task PolledFileSearchRun_StepsShowResults_WithContentOnlyWhenIncluded_AndTheDefaultModelQuotesTheTopResult()
    {
        await using TestApi api = TestApi.Create(store: store);
        (string assistantId, string fileId) = await RecordedSetupAsync(api);
        string threadId = await api.CreateThreadAsync("What food does Filip like best?");

        JsonObject run = await api.PostAsync($"threads/{threadId}/runs", $$"""{"assistant_id":"{{assistantId}}"}""");
        await api.Server.WaitForIdleAsync();
        string runId = (string)run["id"]!;
        Assert.That((string?)(await api.GetAsync($"threads/{threadId}/runs/{runId}"))["status"], Is.EqualTo("completed"));

        JsonObject steps = await api.GetAsync($"threads/{threadId}/runs/{runId}/steps?order=asc");
        JsonObject toolStep = (JsonObject)steps["data"]![0]!;
        Assert.That((string?)toolStep["type"], Is.EqualTo("tool_calls"));
        JsonObject result = (JsonObject)toolStep["step_details"]!["tool_calls"]![0]!["file_search"]!["results"]![0]!;
        Assert.That((string?)result["file_id"], Is.EqualTo(fileId));
        Assert.That((string?)result["file_name"], Is.EqualTo("favorite_foods.txt"));
        Assert.That(result.ContainsKey("content"), Is.False);
        JsonObject withContent = await api.GetAsync($"threads/{threadId}/runs/{runId}/steps/{(string)toolStep["id"]!}?{IncludeContent}");
        Assert.That((string?)withContent["step_details"]!["tool_calls"]![0]!["file_search"]!["results"]![0]!["content"]![0]!["text"], Is.EqualTo(Foods));

        JsonObject messages = await api.GetAsync($"threads/{threadId}/messages?order=asc");
        JsonObject answer = (JsonObject)messages["data"]![1]!["content"]![0]!["text"]!;
        Assert.That((string?)answer["value"], Does.StartWith(ScriptedChatClient.DefaultReplyPrefix + " From the files: \"The favorite food of several people: … - Filip Carola: cake\"【"));
        Assert.That((string?)answer["annotations"]![0]!["file_citation"]!["file_id"], Is.EqualTo(fileId));
        string value = (string)answer["value"]!;
        Assert.That(value[(int)answer["annotations"]![0]!["start_index"]!..(int)answer["annotations"]![0]!["end_index"]!], Is.EqualTo((string?)answer["annotations"]![0]!["text"]));
    }

    [Test]
    public async Task AttachmentsForFileSearch_JoinTheThreadsVectorStore_AndTheRunSearchesIt()
    {
        await using TestApi api = TestApi.Create(store: store);
        string fileId = await api.Http.UploadAsync("favorite_foods.txt", Foods);
        string assistantId = await api.CreateAssistantAsync(""","tools":[{"type":"file_search"}]""");
        JsonObject thread = await api.PostAsync("threads", $$"""{"messages":[{"role":"user","content":"What is Filip's favorite food?","attachments":[{"file_id":"{{fileId}}","tools":[{"type":"file_search"}]}]}]}""");
        string threadId = (string)thread["id"]!;
        string storeId = (string)thread["tool_resources"]!["file_search"]!["vector_store_ids"]![0]!;
        await api.Server.WaitForIdleAsync();
        Assert.That((int)(await api.GetAsync($"vector_stores/{storeId}"))["file_counts"]!["completed"]!, Is.EqualTo(1));

        string second = await api.Http.UploadAsync("drinks.txt", "Filip drinks lemonade with his cake.");
        await api.PostAsync($"threads/{threadId}/messages", $$"""{"role":"user","content":"And what does he drink?","attachments":[{"file_id":"{{second}}","tools":[{"type":"file_search"}]}]}""");
        await api.Server.WaitForIdleAsync();
        Assert.That((int)(await api.GetAsync($"vector_stores/{storeId}"))["file_counts"]!["completed"]!, Is.EqualTo(2));

        string runId = (string)(await api.PostAsync($"threads/{threadId}/runs", $$"""{"assistant_id":"{{assistantId}}"}"""))["id"]!;
        await api.Server.WaitForIdleAsync();
        JsonObject steps = await api.GetAsync($"threads/{threadId}/runs/{runId}/steps?order=asc");
        Assert.That((string?)steps["data"]![0]!["step_details"]!["tool_calls"]![0]!["file_search"]!["results"]![0]!["file_id"], Is.EqualTo(second));
    }

    /// <summary>The recording's setup: the file, and an assistant whose tool resources make a vector store from it.</summary>
    private static async Task<(string AssistantId, string FileId)> RecordedSetupAsync(TestApi api)
    {
        string fileId = await api.Http.UploadAsync("favorite_foods.txt", Foods);
        JsonObject assistant = await api.PostAsync("assistants",
            $$$$"""{"model":"gpt-4o","tools":[{"type":"file_search","file_search":{}}],"tool_resources":{"file_search":{"vector_stores":[{"file_ids":["{{{{fileId}}}}"]}]}}}""");
        JsonNode recorded = JsonNode.Parse((string)Recorded.Entries(Recording)[1]!["ResponseBody"]!.ToString())!;
        Assert.That(Recorded.Paths(assistant), Is.EquivalentTo(Recorded.Paths(recorded)));
        Assert.That((string?)assistant["tool_resources"]!["file_search"]!["vector_store_ids"]![0], Does.StartWith("vs_"));
        await api.Server.WaitForIdleAsync();
        return ((string)assistant["id"]!, fileId);
    }
}
