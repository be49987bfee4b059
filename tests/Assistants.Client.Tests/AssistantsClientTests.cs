using System;
using System.Linq;
using System.Net.Http;
using System.Text.Json;
using System.Threading.Tasks;
using NUnit.Framework;
using RichardSzalay.MockHttp;

namespace Assistants.Client.Tests;

[TestFixture]
public sealed class AssistantsClientTests
{
    private const string AssistantJson = """
        {"id":"asst_abc","object":"assistant","created_at":1761861537,"name":"Math Tutor","description":null,"model":"gpt-4o",
         "instructions":"You are a tutor.","tools":[{"type":"code_interpreter"},{"type":"function","function":{"name":"add","description":"Adds","parameters":{"type":"object"},"strict":false}},{"type":"web_browser","browser":{"depth":2}}],
         "top_p":1.0,"temperature":0.7,"reasoning_effort":null,"tool_resources":{"code_interpreter":{"file_ids":["file-1"]}},"metadata":{"k":"v"},"response_format":"auto"}
        """;

    [Test]
    public async Task CreateAsync_SendsModelAndOptions_ParsesAssistant()
    {
        using Wire wire = new();
        wire.Expect(HttpMethod.Post, "assistants", AssistantJson);

        Assistant assistant = await wire.Client.Assistants.CreateAsync("gpt-4o", new AssistantCreationOptions
        {
            Name = "Math Tutor",
            Instructions = "You are a tutor.",
            Temperature = 0.7,
            Tools = { },
            Metadata = new System.Collections.Generic.Dictionary<string, string> { ["k"] = "v" },
            ResponseFormat = AssistantResponseFormat.JsonObject,
        });

        CapturedRequest request = wire.Single;
        Assert.Multiple(() =>
        {
            Assert.That(request.Method, Is.EqualTo(HttpMethod.Post));
            Assert.That(request.Uri, Is.EqualTo("https://api.test/v1/assistants"));
            Assert.That(request.Headers["Authorization"], Is.EqualTo("Bearer " + Wire.ApiKey));
            Assert.That(request.Headers["OpenAI-Beta"], Is.EqualTo("assistants=v2"));
            Assert.That(request.ContentType, Does.StartWith("application/json"));
        });
        JsonAssert.AreEquivalent(
            """{"model":"gpt-4o","name":"Math Tutor","instructions":"You are a tutor.","metadata":{"k":"v"},"temperature":0.7,"response_format":{"type":"json_object"}}""",
            request.Body!);
        Assert.Multiple(() =>
        {
            Assert.That(assistant.Id, Is.EqualTo("asst_abc"));
            Assert.That(assistant.CreatedAt, Is.EqualTo(DateTimeOffset.FromUnixTimeSeconds(1761861537)));
            Assert.That(assistant.Tools, Has.Count.EqualTo(3));
            Assert.That(assistant.Tools![0], Is.InstanceOf<CodeInterpreterToolDefinition>());
            Assert.That(((FunctionToolDefinition)assistant.Tools[1]).Function.Name, Is.EqualTo("add"));
            Assert.That(assistant.Tools[2], Is.InstanceOf<UnknownToolDefinition>());
            Assert.That(assistant.Tools[2].Type, Is.EqualTo("web_browser"));
            Assert.That(assistant.ResponseFormat!.Type, Is.EqualTo("auto"));
            Assert.That(assistant.ToolResources!.CodeInterpreter!.FileIds, Is.EqualTo(new[] { "file-1" }));
            Assert.That(assistant.Metadata!["k"], Is.EqualTo("v"));
            Assert.That(assistant.Response!.RequestId, Is.EqualTo("req_test"));
            Assert.That((int)assistant.Response.StatusCode, Is.EqualTo(200));
        });
    }

    [Test]
    public async Task CreateAsync_WithoutOptions_SendsOnlyModel()
    {
        using Wire wire = new();
        wire.Expect(HttpMethod.Post, "assistants", AssistantJson);

        await wire.Client.Assistants.CreateAsync("gpt-4o");

        JsonAssert.AreEquivalent("""{"model":"gpt-4o"}""", wire.Single.Body!);
    }

    [Test]
    public async Task CreateAsync_WithTools_WritesEachToolShape()
    {
        using Wire wire = new();
        wire.Expect(HttpMethod.Post, "assistants", AssistantJson);
        using JsonDocument schema = JsonDocument.Parse("""{"type":"object","properties":{"a":{"type":"number"}}}""");

        await wire.Client.Assistants.CreateAsync("gpt-4o", new AssistantCreationOptions
        {
            Tools = new ToolDefinition[]
            {
                ToolDefinition.CreateCodeInterpreter(),
                ToolDefinition.CreateFileSearch(maxResults: 5),
                ToolDefinition.CreateFunction("add", "Adds numbers", schema.RootElement),
            },
            ToolResources = new ToolResources { FileSearch = new FileSearchToolResources { VectorStoreIds = new[] { "vs_1" } } },
        });

        JsonAssert.AreEquivalent(
            """
            {"model":"gpt-4o","tools":[{"type":"code_interpreter"},{"type":"file_search","file_search":{"max_num_results":5}},
             {"type":"function","function":{"name":"add","description":"Adds numbers","parameters":{"type":"object","properties":{"a":{"type":"number"}}}}}],
             "tool_resources":{"file_search":{"vector_store_ids":["vs_1"]}}}
            """,
            wire.Single.Body!);
    }

    [Test]
    public async Task GetAsync_SendsGet_ParsesAssistant()
    {
        using Wire wire = new();
        wire.Expect(HttpMethod.Get, "assistants/asst_abc", AssistantJson);

        Assistant assistant = await wire.Client.Assistants.GetAsync("asst_abc");

        Assert.That(wire.Single.Uri, Is.EqualTo("https://api.test/v1/assistants/asst_abc"));
        Assert.That(wire.Single.Body, Is.Null);
        Assert.That(assistant.Name, Is.EqualTo("Math Tutor"));
    }

    [Test]
    public async Task ModifyAsync_SendsOnlyChangedFields()
    {
        using Wire wire = new();
        wire.Expect(HttpMethod.Post, "assistants/asst_abc", AssistantJson);

        await wire.Client.Assistants.ModifyAsync("asst_abc", new AssistantModificationOptions { Model = "gpt-4o-mini", Name = "Renamed" });

        Assert.That(wire.Single.Method, Is.EqualTo(HttpMethod.Post));
        JsonAssert.AreEquivalent("""{"name":"Renamed","model":"gpt-4o-mini"}""", wire.Single.Body!);
    }

    [Test]
    public async Task DeleteAsync_SendsDelete_ParsesResult()
    {
        using Wire wire = new();
        wire.Expect(HttpMethod.Delete, "assistants/asst_abc", """{"id":"asst_abc","object":"assistant.deleted","deleted":true}""");

        DeletionResult result = await wire.Client.Assistants.DeleteAsync("asst_abc");

        Assert.That(wire.Single.Method, Is.EqualTo(HttpMethod.Delete));
        Assert.That(result.Deleted, Is.True);
        Assert.That(result.Id, Is.EqualTo("asst_abc"));
    }

    [Test]
    public async Task ListAsync_WithLimitAndOrder_SendsQueryAndFollowsCursor()
    {
        using Wire wire = new();
        wire.Expect(HttpMethod.Get, "assistants?limit=2&order=asc", """{"object":"list","data":[{"id":"a1","created_at":1},{"id":"a2","created_at":2}],"first_id":"a1","last_id":"a2","has_more":true}""");
        wire.Expect(HttpMethod.Get, "assistants?limit=2&order=asc&after=a2", """{"object":"list","data":[{"id":"a3","created_at":3}],"first_id":"a3","last_id":"a3","has_more":false}""");

        string[] ids = (await wire.Client.Assistants.ListAsync(new AssistantCollectionOptions { Limit = 2, Order = ListOrder.Ascending }).ToListAsync()).Select(a => a.Id).ToArray();

        Assert.That(ids, Is.EqualTo(new[] { "a1", "a2", "a3" }));
        Assert.That(wire.Requests.Select(r => r.Uri), Is.EqualTo(new[]
        {
            "https://api.test/v1/assistants?limit=2&order=asc",
            "https://api.test/v1/assistants?limit=2&order=asc&after=a2",
        }));
    }

    [TestCase(null)]
    [TestCase("")]
    [TestCase("  ")]
    public void GetAsync_WithMissingId_ThrowsBeforeSending(string? id)
    {
        using Wire wire = new();

        ArgumentException? error = Assert.ThrowsAsync(Is.InstanceOf<ArgumentException>(), () => wire.Client.Assistants.GetAsync(id!)) as ArgumentException;

        Assert.That(error!.ParamName, Is.EqualTo("assistantId"));
        Assert.That(wire.Requests, Is.Empty);
    }

    [Test]
    public void CreateAsync_WithSeventeenMetadataPairs_ThrowsBeforeSending()
    {
        using Wire wire = new();
        AssistantCreationOptions options = new() { Metadata = Enumerable.Range(0, 17).ToDictionary(i => "k" + i, i => "v") };

        ArgumentException error = Assert.ThrowsAsync<ArgumentException>(() => wire.Client.Assistants.CreateAsync("gpt-4o", options))!;

        Assert.That(error.ParamName, Is.EqualTo("options.Metadata"));
        Assert.That(error.Message, Does.Contain("16"));
        Assert.That(wire.Requests, Is.Empty);
    }

    [Test]
    public async Task GetAsync_WithSlashesAndDotsInId_KeepsTheRoute()
    {
        using Wire wire = new();
        wire.Mock.When("*").Respond("application/json", AssistantJson);

        await wire.Client.Assistants.GetAsync("../threads/x");
        await wire.Client.Assistants.GetAsync("a b?c#d");

        Assert.That(wire.Requests[0].Uri, Is.EqualTo("https://api.test/v1/assistants/..%2Fthreads%2Fx"));
        Assert.That(wire.Requests[1].Uri, Is.EqualTo("https://api.test/v1/assistants/a%20b%3Fc%23d"));
    }

    [TestCase(".")]
    [TestCase("..")]
    public void GetAsync_WithDotSegmentId_ThrowsBeforeSending(string id)
    {
        using Wire wire = new();

        ArgumentException error = Assert.ThrowsAsync<ArgumentException>(() => wire.Client.Assistants.GetAsync(id))!;

        Assert.That(error.ParamName, Is.EqualTo("assistantId"));
        Assert.That(wire.Requests, Is.Empty);
    }
}
