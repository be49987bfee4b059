using System.Net;
using System.Net.Http;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using NUnit.Framework;

namespace Assistants.Server.Tests;

/// <summary>Part of the store conformance suite: every test runs against both stores.</summary>
[TestFixture(StoreKind.Memory)]
[TestFixture(StoreKind.Sqlite)]
public sealed class ResourceEndpointTests(StoreKind store)
{
    [Test]
    public async Task Assistant_CreateRetrieveModifyDelete_MatchRecordedShape()
    {
        await using TestApi api = TestApi.Create(store: store);
        JsonObject created = await api.PostAsync("assistants", """{"model":"gpt-4o","metadata":{"k":"v"},"unknown_field":1}""");
        JsonObject recorded = (JsonObject)Recorded.Entries("BasicRunOperationsWork.json")[0]!["ResponseBody"]!;
        Assert.That(Recorded.Paths(created), Is.EquivalentTo(Recorded.Paths(recorded)));
        Assert.That(created.ToJsonString(), Does.Contain("\"temperature\":1.0"));

        string id = (string)created["id"]!;
        JsonObject modified = await api.PostAsync($"assistants/{id}", """{"name":"renamed"}""");
        Assert.That((string?)modified["name"], Is.EqualTo("renamed"));
        Assert.That((string?)modified["metadata"]!["k"], Is.EqualTo("v"));
        var (_, deleted, _) = await api.SendAsync(HttpMethod.Delete, $"assistants/{id}");
        Assert.That(deleted.ToJsonString(), Is.EqualTo($$"""{"id":"{{id}}","object":"assistant.deleted","deleted":true}"""));

        var (status, error, _) = await api.SendAsync(HttpMethod.Get, $"assistants/{id}");
        Assert.That(status, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(JsonNode.DeepEquals(error, JsonNode.Parse(
            $$$"""{"error":{"message":"No assistant found with id '{{{id}}}'.","type":"invalid_request_error","param":null,"code":null}}""")), Is.True, error.ToJsonString());
    }

    [Test]
    public async Task MissingModel_And_BadMetadata_Return400()
    {
        await using TestApi api = TestApi.Create(store: store);
        var (status, error, _) = await api.SendAsync(HttpMethod.Post, "assistants", "{}");
        Assert.That(status, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That((string?)error["error"]!["param"], Is.EqualTo("model"));

        (status, error, _) = await api.SendAsync(HttpMethod.Post, "threads", """{"metadata":{"x":1}}""");
        Assert.That(status, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That((string?)error["error"]!["code"], Is.EqualTo("invalid_type"));
        Assert.That((string?)error["error"]!["param"], Is.EqualTo("metadata.x"));
    }

    [Test]
    public async Task Pagination_LimitOrderAfterBefore_LikeTheService()
    {
        await using TestApi api = TestApi.Create(store: store);
        string[] ids = new string[5];
        for (int i = 0; i < ids.Length; i++)
        {
            ids[i] = await api.CreateAssistantAsync();
        }

        JsonObject page = await api.GetAsync("assistants?limit=2");
        Assert.That((string?)page["first_id"], Is.EqualTo(ids[4]));
        Assert.That((string?)page["last_id"], Is.EqualTo(ids[3]));
        Assert.That((bool)page["has_more"]!, Is.True);

        page = await api.GetAsync($"assistants?limit=2&after={ids[3]}");
        Assert.That((string?)page["first_id"], Is.EqualTo(ids[2]));
        page = await api.GetAsync($"assistants?limit=2&after={ids[1]}");
        Assert.That((string?)page["data"]![0]!["id"], Is.EqualTo(ids[0]));
        Assert.That((bool)page["has_more"]!, Is.False);

        page = await api.GetAsync($"assistants?order=asc&before={ids[3]}&limit=2");
        Assert.That((string?)page["first_id"], Is.EqualTo(ids[1]));
        Assert.That((string?)page["last_id"], Is.EqualTo(ids[2]));
        Assert.That((bool)page["has_more"]!, Is.True);

        var (status, error, _) = await api.SendAsync(HttpMethod.Get, "assistants?limit=101");
        Assert.That(status, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That((string?)error["error"]!["param"], Is.EqualTo("limit"));
        (status, _, _) = await api.SendAsync(HttpMethod.Get, "assistants?limit=0");
        Assert.That(status, Is.EqualTo(HttpStatusCode.BadRequest));
    }

    [Test]
    public async Task Threads_Messages_CrudAndRunFilter()
    {
        await using TestApi api = TestApi.Create(store: store);
        JsonObject thread = await api.PostAsync("threads");
        Assert.That(thread.ToJsonString(), Does.EndWith("\"metadata\":{},\"tool_resources\":{}}"));
        string threadId = (string)thread["id"]!;
        JsonObject retrieved = await api.GetAsync($"threads/{threadId}");
        Assert.That(retrieved["tool_resources"]!["code_interpreter"], Is.Not.Null);

        JsonObject message = await api.PostAsync($"threads/{threadId}/messages", """{"role":"user","content":"Hello, world!"}""");
        JsonObject recorded = (JsonObject)Recorded.Entries("BasicRunOperationsWork.json")[3]!["ResponseBody"]!;
        Assert.That(Recorded.Paths(message), Is.EquivalentTo(Recorded.Paths(recorded)));
        string messageId = (string)message["id"]!;
        JsonObject modified = await api.PostAsync($"threads/{threadId}/messages/{messageId}", """{"metadata":{"a":"b"}}""");
        Assert.That(modified["file_ids"], Is.Not.Null, "modify answers in the v1 shape, as recorded");

        JsonObject filtered = await api.GetAsync($"threads/{threadId}/messages?run_id=run_nothing");
        Assert.That(filtered["data"]!.AsArray(), Is.Empty);
        var (_, deleted, _) = await api.SendAsync(HttpMethod.Delete, $"threads/{threadId}/messages/{messageId}");
        Assert.That((string?)deleted["object"], Is.EqualTo("thread.message.deleted"));

        var (status, error, _) = await api.SendAsync(HttpMethod.Get, "threads/thread_missing/messages");
        Assert.That(status, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That((string?)error["error"]!["message"], Is.EqualTo("No thread found with id 'thread_missing'."));

        (status, error, _) = await api.SendAsync(HttpMethod.Get, "nothing/here");
        Assert.That(status, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That((string?)error["error"]!["message"], Is.EqualTo("Invalid URL (GET /v1/nothing/here)"));
    }

    [Test]
    public async Task Files_UploadListContentDelete_AndRecordedErrors()
    {
        await using TestApi api = TestApi.Create(store: store);
        using var form = new MultipartFormDataContent
        {
            { new StringContent("assistants"), "purpose" },
            { new ByteArrayContent(Encoding.UTF8.GetBytes("hello file")), "file", "hello.txt" },
        };
        HttpResponseMessage uploaded = await api.Http.PostAsync("files", form);
        JsonObject file = (JsonObject)JsonNode.Parse(await uploaded.Content.ReadAsStringAsync())!;
        Assert.That((string?)file["status"], Is.EqualTo("processed"));
        Assert.That((int)file["bytes"]!, Is.EqualTo(10));
        Assert.That((string?)file["filename"], Is.EqualTo("hello.txt"));
        string fileId = (string)file["id"]!;

        Assert.That(await api.Http.GetStringAsync($"files/{fileId}/content"), Is.EqualTo("hello file"));
        Assert.That((await api.GetAsync("files"))["data"]!.AsArray(), Has.Count.EqualTo(1));

        string vectorStoreId = (string)(await api.PostAsync("vector_stores", $$"""{"name":"docs","file_ids":["{{fileId}}"]}"""))["id"]!;
        await api.Server.WaitForIdleAsync();
        JsonObject vectorStore = await api.GetAsync($"vector_stores/{vectorStoreId}");
        Assert.That((int)vectorStore["file_counts"]!["completed"]!, Is.EqualTo(1));
        JsonObject batch = await api.PostAsync($"vector_stores/{vectorStoreId}/file_batches", $$"""{"file_ids":["{{fileId}}"]}""");
        Assert.That((string?)batch["status"], Is.EqualTo("in_progress"));
        await api.Server.WaitForIdleAsync();
        batch = await api.GetAsync($"vector_stores/{vectorStoreId}/file_batches/{(string)batch["id"]!}");
        Assert.That((string?)batch["status"], Is.EqualTo("completed"));
        JsonObject batchFiles = await api.GetAsync($"vector_stores/{vectorStoreId}/file_batches/{(string)batch["id"]!}/files");
        Assert.That(batchFiles["data"]![0]!.AsObject().ContainsKey("usage_bytes"), Is.False);
        JsonObject completedFiles = await api.GetAsync($"vector_stores/{vectorStoreId}/files?filter=completed");
        Assert.That((string?)completedFiles["data"]![0]!["status"], Is.EqualTo("completed"));

        var (_, deleted, _) = await api.SendAsync(HttpMethod.Delete, $"files/{fileId}");
        Assert.That(deleted.ToJsonString(), Is.EqualTo($$"""{"object":"file","deleted":true,"id":"{{fileId}}"}"""));
        var (status, error, _) = await api.SendAsync(HttpMethod.Get, "files/fake_id");
        Assert.That(status, Is.EqualTo(HttpStatusCode.NotFound));
        JsonNode recorded = Recorded.Entries("GetFileCanParseServiceError.json")[0]!["ResponseBody"]!;
        Assert.That(error.ToJsonString(), Is.EqualTo(recorded.ToJsonString()));
    }
}
