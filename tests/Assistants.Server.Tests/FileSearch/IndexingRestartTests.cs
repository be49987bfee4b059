using System;
using System.Net.Http;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using NUnit.Framework;

namespace Assistants.Server.Tests.FileSearch;

/// <summary>A stop in the middle of indexing, on SQLite: the next start indexes what was left; the index survives restarts.</summary>
public sealed class IndexingRestartTests
{
    private string _directory = null!;

    [SetUp]
    public void SetUp() => _directory = TempDirectory.Create();

    [TearDown]
    public void TearDown() => TempDirectory.Delete(_directory);

    [Test]
    public async Task StopMidIndexing_NextStartFinishesIndexing_AndTheIndexSurvivesAnotherRestart()
    {
        string storeId, fileId;
        await using (var first = new AssistantsServer(new AssistantsServerOptions { DataDirectory = _directory }))
        {
            first.Indexer.HeldUntil = new TaskCompletionSource().Task; // never released: the stop cuts indexing off
            using HttpClient http = Client(first);
            fileId = await http.UploadAsync("favorite_foods.txt", "The favorite food of several people:\n- Summanus Ferdinand: tacos\n- Filip Carola: cake");
            JsonObject created = await PostAsync(http, "vector_stores", $$"""{"file_ids":["{{fileId}}"]}""");
            storeId = (string)created["id"]!;
            Assert.That((string?)created["status"], Is.EqualTo("in_progress"));
        }

        await using (var second = new AssistantsServer(new AssistantsServerOptions { DataDirectory = _directory }))
        {
            await second.WaitForIdleAsync();
            using HttpClient http = Client(second);
            JsonObject store = await GetAsync(http, $"vector_stores/{storeId}");
            Assert.That((string?)store["status"], Is.EqualTo("completed"));
            Assert.That((int)store["file_counts"]!["completed"]!, Is.EqualTo(1));
            Assert.That((string?)(await GetAsync(http, $"vector_stores/{storeId}/files/{fileId}"))["status"], Is.EqualTo("completed"));
        }

        await using var third = new AssistantsServer(new AssistantsServerOptions { DataDirectory = _directory });
        third.Indexer.HeldUntil = new TaskCompletionSource().Task; // nothing may need indexing again
        using HttpClient again = Client(third);
        JsonObject results = await PostAsync(again, $"vector_stores/{storeId}/search", """{"query":"What does Filip like to eat?"}""");
        Assert.That((string?)results["data"]![0]!["file_id"], Is.EqualTo(fileId));
        Assert.That((string?)results["data"]![0]!["content"]![0]!["text"], Does.Contain("Filip Carola: cake"));
    }

    private static HttpClient Client(AssistantsServer server) => new(server.CreateHandler()) { BaseAddress = new Uri("http://localhost/v1/") };

    private static async Task<JsonObject> PostAsync(HttpClient http, string path, string json)
    {
        using HttpResponseMessage response = await http.PostAsync(path, new StringContent(json, System.Text.Encoding.UTF8, "application/json"));
        string body = await response.Content.ReadAsStringAsync();
        Assert.That(response.IsSuccessStatusCode, Is.True, body);
        return (JsonObject)JsonNode.Parse(body)!;
    }

    private static async Task<JsonObject> GetAsync(HttpClient http, string path) => (JsonObject)JsonNode.Parse(await http.GetStringAsync(path))!;
}
