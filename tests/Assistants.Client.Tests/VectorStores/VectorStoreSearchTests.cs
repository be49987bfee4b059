using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Text.Json;
using System.Threading.Tasks;
using Assistants.Client.Serialization;
using NUnit.Framework;

namespace Assistants.Client.Tests;

/// <summary>Wire tests of <c>POST /vector_stores/{id}/search</c> and <c>GET /vector_stores/{id}/files/{id}/content</c>.</summary>
[TestFixture]
public sealed class VectorStoreSearchTests
{
    internal const string SearchJson = """
        {"object":"vector_store.search_results.page","search_query":["return policy"],
         "data":[{"file_id":"file-1","filename":"policy.pdf","score":0.95,"attributes":{"lang":"en","year":2024},
                  "content":[{"type":"text","text":"Returns within 30 days."},{"type":"image","url":"x"}]}],
         "has_more":false,"next_page":null,"vendor":1}
        """;

    internal const string ContentJson = """
        {"object":"vector_store.file_content.page","data":[{"type":"text","text":"Hello"},{"type":"text","text":"world"}],"has_more":true,"next_page":"tok_2"}
        """;

    [Test]
    public async Task SearchAsync_WithAllOptions_SendsBody_ParsesResults()
    {
        using Wire wire = new();
        wire.Expect(HttpMethod.Post, "vector_stores/vs_1/search", SearchJson);
        using JsonDocument filter = JsonDocument.Parse("""{"type":"and","filters":[{"type":"eq","key":"lang","value":"en"},{"type":"gte","key":"year","value":2024}]}""");

        VectorStoreSearchResults results = await wire.Client.VectorStores.SearchAsync("vs_1", "return policy", new VectorStoreSearchOptions
        {
            Filters = filter.RootElement,
            MaxNumResults = 5,
            RankingOptions = new VectorStoreSearchRankingOptions { Ranker = VectorStoreSearchRanker.Default20241115, ScoreThreshold = 0.5 },
            RewriteQuery = true,
        });

        Assert.That(wire.Single.Method, Is.EqualTo(HttpMethod.Post));
        Assert.That(wire.Single.Uri, Is.EqualTo("https://api.test/v1/vector_stores/vs_1/search"));
        JsonAssert.AreEquivalent(
            """{"query":"return policy","filters":{"type":"and","filters":[{"type":"eq","key":"lang","value":"en"},{"type":"gte","key":"year","value":2024}]},"max_num_results":5,"ranking_options":{"ranker":"default-2024-11-15","score_threshold":0.5},"rewrite_query":true}""",
            wire.Single.Body!);
        VectorStoreSearchResult hit = results.Data!.Single();
        Assert.Multiple(() =>
        {
            Assert.That(results.Object, Is.EqualTo("vector_store.search_results.page"));
            Assert.That(results.SearchQueries, Is.EqualTo(new[] { "return policy" }));
            Assert.That(results.HasMore, Is.False);
            Assert.That(results.NextPage, Is.Null);
            Assert.That(hit.FileId, Is.EqualTo("file-1"));
            Assert.That(hit.Filename, Is.EqualTo("policy.pdf"));
            Assert.That(hit.Score, Is.EqualTo(0.95));
            Assert.That(hit.Attributes!["year"].GetInt32(), Is.EqualTo(2024));
            Assert.That(hit.Content![0].Type, Is.EqualTo(VectorStoreContentType.Text));
            Assert.That(hit.Content[0].Text, Is.EqualTo("Returns within 30 days."));
            Assert.That(hit.Content[1].Type.ToString(), Is.EqualTo("image"));
            Assert.That(results.AdditionalProperties!["vendor"].GetInt32(), Is.EqualTo(1));
            Assert.That(results.Response!.RequestId, Is.EqualTo("req_test"));
        });
        JsonAssert.AreEquivalent(SearchJson, JsonSerializer.Serialize(results, AssistantsJsonContext.Default.VectorStoreSearchResults), nullEqualsAbsent: true);
    }

    [Test]
    public async Task SearchAsync_WithSeveralQueries_SendsArray_AndReadsStringSearchQuery()
    {
        using Wire wire = new();
        wire.Expect(HttpMethod.Post, "vector_stores/vs_1/search", """{"object":"vector_store.search_results.page","search_query":"a","data":[],"has_more":false,"next_page":null}""");

        VectorStoreSearchResults results = await wire.Client.VectorStores.SearchAsync("vs_1", new[] { "a", "b" });

        JsonAssert.AreEquivalent("""{"query":["a","b"]}""", wire.Single.Body!);
        Assert.That(results.SearchQueries, Is.EqualTo(new[] { "a" }));
        Assert.That(results.Data, Is.Empty);
    }

    [Test]
    public async Task SearchAsync_WithoutOptions_SendsOnlyQuery_EscapesId()
    {
        using Wire wire = new();
        wire.Expect(HttpMethod.Post, "vector_stores/vs%2F1/search", """{"object":"vector_store.search_results.page","search_query":["q"],"data":[],"has_more":false,"next_page":null}""");

        await wire.Client.VectorStores.SearchAsync("vs/1", "q");

        Assert.That(wire.Single.Uri, Is.EqualTo("https://api.test/v1/vector_stores/vs%2F1/search"));
        JsonAssert.AreEquivalent("""{"query":"q"}""", wire.Single.Body!);
    }

    [TestCase(null)]
    [TestCase("")]
    public void SearchAsync_WithMissingQuery_ThrowsBeforeSending(string? query)
    {
        using Wire wire = new();

        ArgumentException? error = Assert.ThrowsAsync(Is.InstanceOf<ArgumentException>(), () => wire.Client.VectorStores.SearchAsync("vs_1", query!)) as ArgumentException;

        Assert.That(error!.ParamName, Is.EqualTo("query"));
        Assert.That(wire.Requests, Is.Empty);
    }

    [Test]
    public void SearchAsync_WithBadQueries_ThrowsBeforeSending()
    {
        using Wire wire = new();

        Assert.That(() => wire.Client.VectorStores.SearchAsync("vs_1", Array.Empty<string>()), Throws.ArgumentException.With.Property("ParamName").EqualTo("queries"));
        Assert.That(() => wire.Client.VectorStores.SearchAsync("vs_1", new[] { "a", "" }), Throws.ArgumentException.With.Property("ParamName").EqualTo("queries"));
        Assert.That(() => wire.Client.VectorStores.SearchAsync("vs_1", (IEnumerable<string>)null!), Throws.InstanceOf<ArgumentException>().With.Property("ParamName").EqualTo("queries"));
        Assert.That(() => wire.Client.VectorStores.SearchAsync("", "q"), Throws.InstanceOf<ArgumentException>().With.Property("ParamName").EqualTo("vectorStoreId"));
        Assert.That(wire.Requests, Is.Empty);
    }

    [TestCase(0)]
    [TestCase(51)]
    public void SearchAsync_WithMaxNumResultsOutOfRange_ThrowsBeforeSending(int max)
    {
        using Wire wire = new();

        Assert.That(() => wire.Client.VectorStores.SearchAsync("vs_1", "q", new VectorStoreSearchOptions { MaxNumResults = max }), Throws.InstanceOf<ArgumentOutOfRangeException>());
        Assert.That(wire.Requests, Is.Empty);
    }

    [Test]
    public async Task GetFileContentAsync_SendsGet_ParsesPage()
    {
        using Wire wire = new();
        wire.Expect(HttpMethod.Get, "vector_stores/vs_1/files/file-1/content", ContentJson);

        VectorStoreFileContent content = await wire.Client.VectorStores.GetFileContentAsync("vs_1", "file-1");

        Assert.That(wire.Single.Method, Is.EqualTo(HttpMethod.Get));
        Assert.That(wire.Single.Uri, Is.EqualTo("https://api.test/v1/vector_stores/vs_1/files/file-1/content"));
        Assert.That(wire.Single.Body, Is.Null.Or.Empty);
        Assert.Multiple(() =>
        {
            Assert.That(content.Object, Is.EqualTo("vector_store.file_content.page"));
            Assert.That(content.Data!.Select(d => d.Text), Is.EqualTo(new[] { "Hello", "world" }));
            Assert.That(content.Pieces, Has.Count.EqualTo(2));
            Assert.That(content.HasMore, Is.True);
            Assert.That(content.NextPage, Is.EqualTo("tok_2"));
        });
        JsonAssert.AreEquivalent(ContentJson, JsonSerializer.Serialize(content, AssistantsJsonContext.Default.VectorStoreFileContent));
    }

    [Test]
    public async Task GetFileContentAsync_SpecExampleShape_ParsesContent()
    {
        const string json = """{"file_id":"file-1","filename":"example.txt","attributes":{"key":"value"},"content":[{"type":"text","text":"..."}]}""";
        using Wire wire = new();
        wire.Expect(HttpMethod.Get, "vector_stores/vs_1/files/file-1/content", json);

        VectorStoreFileContent content = await wire.Client.VectorStores.GetFileContentAsync("vs_1", "file-1");

        Assert.That(content.FileId, Is.EqualTo("file-1"));
        Assert.That(content.Filename, Is.EqualTo("example.txt"));
        Assert.That(content.Attributes!["key"].GetString(), Is.EqualTo("value"));
        Assert.That(content.Pieces.Single().Text, Is.EqualTo("..."));
        JsonAssert.AreEquivalent(json, JsonSerializer.Serialize(content, AssistantsJsonContext.Default.VectorStoreFileContent));
    }

    [TestCase(null, "x")]
    [TestCase("", "x")]
    [TestCase("vs_1", null)]
    [TestCase("vs_1", "")]
    public void GetFileContentAsync_WithMissingIds_ThrowsBeforeSending(string? vectorStoreId, string? fileId)
    {
        using Wire wire = new();
        string expected = string.IsNullOrEmpty(vectorStoreId) ? "vectorStoreId" : "fileId";

        ArgumentException? error = Assert.ThrowsAsync(Is.InstanceOf<ArgumentException>(), () => wire.Client.VectorStores.GetFileContentAsync(vectorStoreId!, fileId!)) as ArgumentException;

        Assert.That(error!.ParamName, Is.EqualTo(expected));
        Assert.That(wire.Requests, Is.Empty);
    }
}
