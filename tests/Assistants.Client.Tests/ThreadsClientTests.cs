using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Text.Json;
using System.Threading.Tasks;
using NUnit.Framework;
using RichardSzalay.MockHttp;

namespace Assistants.Client.Tests;

[TestFixture]
public sealed class ThreadsClientTests
{
    private const string ThreadJson = """
        {"id":"thread_abc","object":"thread","created_at":1761861545,"metadata":{"k":"v"},
         "tool_resources":{"code_interpreter":{"file_ids":["file-1"]},"file_search":{"vector_store_ids":["vs_1"]}},"vendor_extra":{"x":1}}
        """;

    [Test]
    public async Task CreateAsync_WithoutOptions_SendsEmptyObject_ParsesThread()
    {
        using Wire wire = new();
        wire.Expect(HttpMethod.Post, "threads", ThreadJson);

        AssistantThread thread = await wire.Client.Threads.CreateAsync();

        CapturedRequest request = wire.Single;
        Assert.Multiple(() =>
        {
            Assert.That(request.Method, Is.EqualTo(HttpMethod.Post));
            Assert.That(request.Uri, Is.EqualTo("https://api.test/v1/threads"));
            Assert.That(request.Headers["Authorization"], Is.EqualTo("Bearer " + Wire.ApiKey));
            Assert.That(request.Headers["OpenAI-Beta"], Is.EqualTo("assistants=v2"));
            Assert.That(request.ContentType, Does.StartWith("application/json"));
        });
        JsonAssert.AreEquivalent("{}", request.Body!);
        Assert.Multiple(() =>
        {
            Assert.That(thread.Id, Is.EqualTo("thread_abc"));
            Assert.That(thread.Object, Is.EqualTo("thread"));
            Assert.That(thread.CreatedAt, Is.EqualTo(DateTimeOffset.FromUnixTimeSeconds(1761861545)));
            Assert.That(thread.Metadata!["k"], Is.EqualTo("v"));
            Assert.That(thread.ToolResources!.CodeInterpreter!.FileIds, Is.EqualTo(new[] { "file-1" }));
            Assert.That(thread.AdditionalProperties!.ContainsKey("vendor_extra"), Is.True);
            Assert.That(thread.Response!.RequestId, Is.EqualTo("req_test"));
        });
    }

    [Test]
    public async Task CreateAsync_WithMessagesToolResourcesAndMetadata_SendsBody()
    {
        using Wire wire = new();
        wire.Expect(HttpMethod.Post, "threads", ThreadJson);

        ThreadInitializationMessage withParts = new(MessageRole.User, new[]
        {
            MessageContentPart.CreateText("Describe this:"),
            MessageContentPart.CreateImageUrl("https://example.test/a.png", MessageImageDetail.Low),
            MessageContentPart.CreateImageFile("file-img", MessageImageDetail.High),
        });
        ThreadInitializationMessage withAttachment = new(MessageRole.Assistant, "See the file.")
        {
            Attachments = new List<MessageAttachment> { new("file-doc", new ToolDefinition[] { ToolDefinition.CreateCodeInterpreter(), ToolDefinition.CreateFileSearch() }) },
            Metadata = new Dictionary<string, string> { ["m"] = "1" },
        };
        await wire.Client.Threads.CreateAsync(new ThreadCreationOptions
        {
            Messages = new List<ThreadInitializationMessage> { new(MessageRole.User, "Hello"), withParts, withAttachment },
            ToolResources = new ToolResources { CodeInterpreter = new CodeInterpreterToolResources { FileIds = new List<string> { "file-1" } } },
            Metadata = new Dictionary<string, string> { ["k"] = "v" },
        });

        JsonAssert.AreEquivalent(
            """
            {"messages":[
              {"role":"user","content":"Hello"},
              {"role":"user","content":[
                {"type":"text","text":"Describe this:"},
                {"type":"image_url","image_url":{"url":"https://example.test/a.png","detail":"low"}},
                {"type":"image_file","image_file":{"file_id":"file-img","detail":"high"}}]},
              {"role":"assistant","content":"See the file.",
               "attachments":[{"file_id":"file-doc","tools":[{"type":"code_interpreter"},{"type":"file_search"}]}],"metadata":{"m":"1"}}],
             "tool_resources":{"code_interpreter":{"file_ids":["file-1"]}},
             "metadata":{"k":"v"}}
            """,
            wire.Single.Body!);
    }

    [Test]
    public async Task GetAsync_SendsGet_ParsesThread()
    {
        using Wire wire = new();
        wire.Expect(HttpMethod.Get, "threads/thread_abc", ThreadJson);

        AssistantThread thread = await wire.Client.Threads.GetAsync("thread_abc");

        Assert.Multiple(() =>
        {
            Assert.That(wire.Single.Method, Is.EqualTo(HttpMethod.Get));
            Assert.That(wire.Single.Uri, Is.EqualTo("https://api.test/v1/threads/thread_abc"));
            Assert.That(wire.Single.Body, Is.Null.Or.Empty);
            Assert.That(thread.Id, Is.EqualTo("thread_abc"));
            Assert.That(thread.ToolResources!.FileSearch!.VectorStoreIds, Is.EqualTo(new[] { "vs_1" }));
        });
    }

    [Test]
    public async Task ModifyAsync_SendsOnlyChangedFields_ParsesThread()
    {
        using Wire wire = new();
        wire.Expect(HttpMethod.Post, "threads/thread_abc", ThreadJson);

        AssistantThread thread = await wire.Client.Threads.ModifyAsync("thread_abc", new ThreadModificationOptions { Metadata = new Dictionary<string, string> { ["k"] = "v" } });

        Assert.Multiple(() =>
        {
            Assert.That(wire.Single.Method, Is.EqualTo(HttpMethod.Post));
            Assert.That(wire.Single.Uri, Is.EqualTo("https://api.test/v1/threads/thread_abc"));
            Assert.That(thread.Metadata!["k"], Is.EqualTo("v"));
        });
        JsonAssert.AreEquivalent("""{"metadata":{"k":"v"}}""", wire.Single.Body!);
    }

    [Test]
    public async Task DeleteAsync_SendsDelete_ParsesResult()
    {
        using Wire wire = new();
        wire.Expect(HttpMethod.Delete, "threads/thread_abc", """{"id":"thread_abc","object":"thread.deleted","deleted":true}""");

        DeletionResult result = await wire.Client.Threads.DeleteAsync("thread_abc");

        Assert.Multiple(() =>
        {
            Assert.That(wire.Single.Method, Is.EqualTo(HttpMethod.Delete));
            Assert.That(wire.Single.Uri, Is.EqualTo("https://api.test/v1/threads/thread_abc"));
            Assert.That(result.Id, Is.EqualTo("thread_abc"));
            Assert.That(result.Object, Is.EqualTo("thread.deleted"));
            Assert.That(result.Deleted, Is.True);
        });
    }

    [Test]
    public async Task GetAsync_WithSlashInId_EscapesTheSegment()
    {
        using Wire wire = new();
        wire.Mock.When("*").Respond("application/json", ThreadJson);

        await wire.Client.Threads.GetAsync("a/b");

        Assert.That(wire.Single.Uri, Is.EqualTo("https://api.test/v1/threads/a%2Fb"));
    }

    [TestCase(null)]
    [TestCase("")]
    [TestCase(" ")]
    public void EveryOperation_WithMissingThreadId_ThrowsBeforeSending(string? id)
    {
        using Wire wire = new();

        Assert.Multiple(() =>
        {
            Assert.That(Assert.ThrowsAsync(Is.InstanceOf<ArgumentException>(), () => wire.Client.Threads.GetAsync(id!)) is ArgumentException { ParamName: "threadId" });
            Assert.That(Assert.ThrowsAsync(Is.InstanceOf<ArgumentException>(), () => wire.Client.Threads.ModifyAsync(id!, new ThreadModificationOptions())) is ArgumentException { ParamName: "threadId" });
            Assert.That(Assert.ThrowsAsync(Is.InstanceOf<ArgumentException>(), () => wire.Client.Threads.DeleteAsync(id!)) is ArgumentException { ParamName: "threadId" });
        });
        Assert.That(wire.Requests, Is.Empty);
    }

    [Test]
    public void ModifyAsync_WithNullOptions_ThrowsBeforeSending()
    {
        using Wire wire = new();

        ArgumentNullException error = Assert.ThrowsAsync<ArgumentNullException>(() => wire.Client.Threads.ModifyAsync("thread_abc", null!))!;

        Assert.That(error.ParamName, Is.EqualTo("options"));
        Assert.That(wire.Requests, Is.Empty);
    }

    [Test]
    public void CreateAsync_WithSeventeenMetadataPairs_ThrowsBeforeSending()
    {
        using Wire wire = new();
        ThreadCreationOptions options = new() { Metadata = Pairs(17) };

        ArgumentException error = Assert.ThrowsAsync<ArgumentException>(() => wire.Client.Threads.CreateAsync(options))!;

        Assert.That(error.ParamName, Is.EqualTo("options.Metadata"));
        Assert.That(wire.Requests, Is.Empty);
    }

    [Test]
    public void CreateAsync_WithTooLongMessageMetadataValue_ThrowsBeforeSending()
    {
        using Wire wire = new();
        ThreadCreationOptions options = new()
        {
            Messages = new List<ThreadInitializationMessage>
            {
                new(MessageRole.User, "a"),
                new(MessageRole.User, "b") { Metadata = new Dictionary<string, string> { ["k"] = new string('x', 513) } },
            },
        };

        ArgumentException error = Assert.ThrowsAsync<ArgumentException>(() => wire.Client.Threads.CreateAsync(options))!;

        Assert.That(error.ParamName, Is.EqualTo("options.Messages[1].Metadata"));
        Assert.That(wire.Requests, Is.Empty);
    }

    [Test]
    public void CreateAsync_WithNullMessage_ThrowsBeforeSending()
    {
        using Wire wire = new();
        ThreadCreationOptions options = new() { Messages = new List<ThreadInitializationMessage> { null! } };

        ArgumentException error = Assert.ThrowsAsync<ArgumentException>(() => wire.Client.Threads.CreateAsync(options))!;

        Assert.That(error.ParamName, Is.EqualTo("options.Messages"));
        Assert.That(wire.Requests, Is.Empty);
    }

    [Test]
    public void ModifyAsync_WithTooLongMetadataKey_ThrowsBeforeSending()
    {
        using Wire wire = new();
        ThreadModificationOptions options = new() { Metadata = new Dictionary<string, string> { [new string('k', 65)] = "v" } };

        ArgumentException error = Assert.ThrowsAsync<ArgumentException>(() => wire.Client.Threads.ModifyAsync("thread_abc", options))!;

        Assert.That(error.ParamName, Is.EqualTo("options.Metadata"));
        Assert.That(wire.Requests, Is.Empty);
    }

    [Test]
    public void ThreadInitializationMessage_ReadsStringAndPartsContent()
    {
        ThreadCreationOptions options = JsonSerializer.Deserialize(
            """{"messages":[{"role":"user","content":"Hi"},{"role":"assistant","content":[{"type":"text","text":"a"},{"type":"image_url","image_url":{"url":"u"}}]}]}""",
            Serialization.AssistantsJsonContext.Default.ThreadCreationOptions)!;

        Assert.Multiple(() =>
        {
            Assert.That(options.Messages![0].Role, Is.EqualTo(MessageRole.User));
            Assert.That(options.Messages[0].Content[0].Text, Is.EqualTo("Hi"));
            Assert.That(options.Messages[1].Role, Is.EqualTo(MessageRole.Assistant));
            Assert.That(options.Messages[1].Content, Has.Count.EqualTo(2));
            Assert.That(options.Messages[1].Content[1].ImageUrl!.Url, Is.EqualTo("u"));
        });
    }

    private static Dictionary<string, string> Pairs(int count)
    {
        Dictionary<string, string> pairs = new();
        for (int i = 0; i < count; i++)
        {
            pairs["k" + i] = "v";
        }

        return pairs;
    }
}
