using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.AI;
using NUnit.Framework;

namespace Assistants.Server.Tests.FileSearch;

public sealed class VectorStoreSearchTests
{
    /// <summary>
    /// Precision on <see cref="FileSearchCorpus"/>: P@1 is the share of questions whose answering file ranks first;
    /// P@3 (success at 3) the share whose answering file is among the first three results.
    /// </summary>
    [Test]
    public async Task KeywordRanking_FindsTheAnsweringDocument_ForQuestionsWordedUnlikeIt()
    {
        await using TestApi api = TestApi.Create();
        (string storeId, Dictionary<string, string> ids) = await CorpusStoreAsync(api);

        (double atOne, double atThree) = await PrecisionAsync(api, storeId, ids, FileSearchCorpus.Questions);
        TestContext.Out.WriteLine($"corpus {FileSearchCorpus.Documents.Count} documents, {FileSearchCorpus.Questions.Count} questions: P@1 = {atOne:F3}, P@3 = {atThree:F3}");
        (double synonymAtOne, double synonymAtThree) = await PrecisionAsync(api, storeId, ids, FileSearchCorpus.SynonymQuestions);
        TestContext.Out.WriteLine($"synonym-only questions ({FileSearchCorpus.SynonymQuestions.Count}): P@1 = {synonymAtOne:F3}, P@3 = {synonymAtThree:F3}");
        Assert.That(atOne, Is.GreaterThanOrEqualTo(0.75));
        Assert.That(atThree, Is.GreaterThanOrEqualTo(0.9));
    }

    [Test]
    public async Task WithAnEmbeddingGenerator_RankingsAreFused_AndStillFindTheAnswers()
    {
        var embeddings = new LetterEmbeddings();
        await using var server = new AssistantsServer(new AssistantsServerOptions { EmbeddingGenerator = embeddings });
        using var http = new HttpClient(server.CreateHandler()) { BaseAddress = new Uri("http://localhost/v1/") };
        await using TestApi api = TestApi.Create();
        Dictionary<string, string> ids = await http.UploadCorpusAsync();
        JsonObject store = await PostAsync(http, "vector_stores", $$"""{"file_ids":{{FileSearchApi.IdsJson(ids.Values)}}}""");
        await server.WaitForIdleAsync();

        JsonObject results = await PostAsync(http, $"vector_stores/{(string)store["id"]!}/search", """{"query":"Where can I charge an electric car in the garage?","max_num_results":12}""");
        Assert.That((string?)results["data"]![0]!["filename"], Is.EqualTo("parking.txt"));
        Assert.That(results["data"]!.AsArray(), Has.Count.EqualTo(12), "the semantic ranking brings every chunk in");
        Assert.That((double)results["data"]![0]!["score"]!, Is.LessThanOrEqualTo(1.0));
        Assert.That(embeddings.Calls, Is.EqualTo(FileSearchCorpus.Documents.Count + 1), "one call per indexed file, one for the query");
    }

    [Test]
    public async Task Search_AnswersTheSpecShape_WithFiltersLimitsThresholdAndRewrite()
    {
        await using TestApi api = TestApi.Create();
        string tacos = await api.Http.UploadAsync("tacos.md", "Tacos are served on Tuesdays in the cafeteria.");
        string pizza = await api.Http.UploadAsync("pizza.md", "Pizza is served on Fridays in the cafeteria.");
        string storeId = (string)(await api.PostAsync("vector_stores", "{}"))["id"]!;
        await api.PostAsync($"vector_stores/{storeId}/files", $$$"""{"file_id":"{{{tacos}}}","attributes":{"day":"tuesday","rank":1}}""");
        await api.PostAsync($"vector_stores/{storeId}/files", $$$"""{"file_id":"{{{pizza}}}","attributes":{"day":"friday","rank":2}}""");
        await api.Server.WaitForIdleAsync();

        JsonObject page = await api.PostAsync($"vector_stores/{storeId}/search", """{"query":"When is pizza served?"}""");
        Assert.That(Recorded.Paths(page), Is.SupersetOf(new[] { ".object", ".search_query", ".data", ".has_more", ".next_page", ".data[].file_id", ".data[].filename", ".data[].score", ".data[].attributes", ".data[].content", ".data[].content[].type", ".data[].content[].text" }));
        Assert.That((string?)page["object"], Is.EqualTo("vector_store.search_results.page"));
        Assert.That(page["search_query"]!.ToJsonString(), Is.EqualTo("""["When is pizza served?"]"""));
        Assert.That((string?)page["data"]![0]!["file_id"], Is.EqualTo(pizza));
        Assert.That(page["data"]![0]!["attributes"]!.ToJsonString(), Is.EqualTo("""{"day":"friday","rank":2}"""));

        JsonObject filtered = await api.PostAsync($"vector_stores/{storeId}/search", """{"query":["pizza","served"],"filters":{"type":"eq","key":"day","value":"tuesday"}}""");
        Assert.That(filtered["data"]!.AsArray().Select(hit => (string?)hit!["file_id"]), Is.EqualTo(new[] { tacos }));
        JsonObject compound = await api.PostAsync($"vector_stores/{storeId}/search",
            """{"query":"served","filters":{"type":"or","filters":[{"type":"gte","key":"rank","value":2},{"type":"eq","key":"day","value":"monday"}]}}""");
        Assert.That(compound["data"]!.AsArray().Select(hit => (string?)hit!["file_id"]), Is.EqualTo(new[] { pizza }));

        JsonObject one = await api.PostAsync($"vector_stores/{storeId}/search", """{"query":"served cafeteria","max_num_results":1}""");
        Assert.That(one["data"]!.AsArray(), Has.Count.EqualTo(1));
        JsonObject none = await api.PostAsync($"vector_stores/{storeId}/search", """{"query":"pizza","ranking_options":{"ranker":"auto","score_threshold":0.99}}""");
        Assert.That(none["data"]!.AsArray(), Is.Empty);
        JsonObject rewritten = await api.PostAsync($"vector_stores/{storeId}/search", """{"query":"When is the pizza served?","rewrite_query":true}""");
        Assert.That(rewritten["search_query"]!.ToJsonString(), Is.EqualTo("""["pizza serv"]"""));

        foreach ((string body, string param) in new[]
        {
            ("{}", "query"),
            ("""{"query":"x","max_num_results":51}""", "max_num_results"),
            ("""{"query":"x","ranking_options":{"score_threshold":1.5}}""", "ranking_options.score_threshold"),
            ("""{"query":"x","ranking_options":{"ranker":"best"}}""", "ranking_options.ranker"),
            ("""{"query":"x","filters":{"type":"like","key":"day","value":"x"}}""", "filters.type"),
        })
        {
            var (status, error, _) = await api.SendAsync(HttpMethod.Post, $"vector_stores/{storeId}/search", body);
            Assert.That(status, Is.EqualTo(HttpStatusCode.BadRequest), body);
            Assert.That((string?)error["error"]!["param"], Is.EqualTo(param), body);
        }

        var (missing, _, _) = await api.SendAsync(HttpMethod.Post, "vector_stores/vs_nope/search", """{"query":"x"}""");
        Assert.That(missing, Is.EqualTo(HttpStatusCode.NotFound));
    }

    internal static async Task<(string StoreId, Dictionary<string, string> Ids)> CorpusStoreAsync(TestApi api)
    {
        Dictionary<string, string> ids = await api.Http.UploadCorpusAsync();
        JsonObject store = await api.PostAsync("vector_stores", $$"""{"name":"corpus","file_ids":{{FileSearchApi.IdsJson(ids.Values)}}}""");
        await api.Server.WaitForIdleAsync();
        return ((string)store["id"]!, ids);
    }

    private static async Task<(double AtOne, double AtThree)> PrecisionAsync(
        TestApi api, string storeId, Dictionary<string, string> ids, IReadOnlyList<(string Question, string FileName)> questions)
    {
        int atOne = 0, atThree = 0;
        foreach ((string question, string fileName) in questions)
        {
            JsonObject page = await api.PostAsync($"vector_stores/{storeId}/search", new JsonObject { ["query"] = question, ["max_num_results"] = 3 }.ToJsonString());
            List<string?> found = [.. page["data"]!.AsArray().Select(hit => (string?)hit!["file_id"])];
            TestContext.Out.WriteLine($"{question} -> {string.Join(", ", page["data"]!.AsArray().Select(hit => $"{hit!["filename"]} {hit["score"]}"))}");
            atOne += found.FirstOrDefault() == ids[fileName] ? 1 : 0;
            atThree += found.Contains(ids[fileName]) ? 1 : 0;
        }

        return ((double)atOne / questions.Count, (double)atThree / questions.Count);
    }

    private static async Task<JsonObject> PostAsync(HttpClient http, string path, string json)
    {
        using HttpResponseMessage response = await http.PostAsync(path, new StringContent(json, System.Text.Encoding.UTF8, "application/json"));
        string body = await response.Content.ReadAsStringAsync();
        Assert.That(response.IsSuccessStatusCode, Is.True, body);
        return (JsonObject)JsonNode.Parse(body)!;
    }

    /// <summary>A stand-in embedding model: letter frequencies (26 dimensions), deterministic and offline.</summary>
    private sealed class LetterEmbeddings : IEmbeddingGenerator<string, Embedding<float>>
    {
        private int _calls;

        public int Calls => _calls;

        public Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
        {
            Interlocked.Increment(ref _calls);
            return Task.FromResult(new GeneratedEmbeddings<Embedding<float>>(values.Select(text =>
            {
                float[] vector = new float[26];
                foreach (char c in text.ToLowerInvariant().Where(c => c is >= 'a' and <= 'z'))
                {
                    vector[c - 'a']++;
                }

                return new Embedding<float>(vector);
            })));
        }

        public object? GetService(Type serviceType, object? serviceKey = null) => null;

        public void Dispose()
        {
        }
    }
}
