using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Text.Json;
using System.Threading.Tasks;
using Assistants.Client.Serialization;
using NUnit.Framework;
using RichardSzalay.MockHttp;

namespace Assistants.Client.Tests;

[TestFixture]
public sealed class MessagesClientTests
{
    private const string MessageJson = """
        {"id":"msg_abc","object":"thread.message","created_at":1761861545,"assistant_id":null,"thread_id":"thread_abc","run_id":null,
         "role":"user","content":[{"type":"text","text":{"value":"Hello, world!","annotations":[]}}],"attachments":[],"metadata":{"k":"v"}}
        """;

    private const string AssistantMessageJson = """
        {"id":"msg_out","object":"thread.message","created_at":1761861675,"assistant_id":"asst_1","thread_id":"thread_abc","run_id":"run_1",
         "status":"incomplete","incomplete_details":{"reason":"max_tokens"},"completed_at":null,"incomplete_at":1761861680,"role":"assistant",
         "content":[
           {"type":"text","text":{"value":"Cake【4:0†foods.txt】 see sandbox:/a.csv","annotations":[
             {"type":"file_citation","text":"【4:0†foods.txt】","start_index":4,"end_index":20,"file_citation":{"file_id":"file-cite","quote":"cake"}},
             {"type":"file_path","text":"sandbox:/a.csv","start_index":25,"end_index":39,"file_path":{"file_id":"file-out"}},
             {"type":"url_citation","text":"[1]","start_index":0,"end_index":3,"url_citation":{"url":"https://x.test"}}]}},
           {"type":"image_file","image_file":{"file_id":"file-img","detail":"auto"}},
           {"type":"image_url","image_url":{"url":"https://example.test/a.png","detail":"low"}},
           {"type":"refusal","refusal":"I can't."},
           {"type":"audio","audio":{"id":"au_1","format":"wav"}}],
         "attachments":[{"file_id":"file-doc","tools":[{"type":"file_search"},{"type":"code_interpreter"}]}],"metadata":{}}
        """;

    [Test]
    public async Task CreateAsync_WithText_SendsStringContent_ParsesMessage()
    {
        using Wire wire = new();
        wire.Expect(HttpMethod.Post, "threads/thread_abc/messages", MessageJson);

        ThreadMessage message = await wire.Client.Messages.CreateAsync("thread_abc", MessageRole.User, "Hello, world!");

        CapturedRequest request = wire.Single;
        Assert.Multiple(() =>
        {
            Assert.That(request.Method, Is.EqualTo(HttpMethod.Post));
            Assert.That(request.Uri, Is.EqualTo("https://api.test/v1/threads/thread_abc/messages"));
            Assert.That(request.Headers["Authorization"], Is.EqualTo("Bearer " + Wire.ApiKey));
            Assert.That(request.Headers["OpenAI-Beta"], Is.EqualTo("assistants=v2"));
            Assert.That(request.ContentType, Does.StartWith("application/json"));
        });
        JsonAssert.AreEquivalent("""{"role":"user","content":"Hello, world!"}""", request.Body!);
        Assert.Multiple(() =>
        {
            Assert.That(message.Id, Is.EqualTo("msg_abc"));
            Assert.That(message.ThreadId, Is.EqualTo("thread_abc"));
            Assert.That(message.Role, Is.EqualTo(MessageRole.User));
            Assert.That(message.CreatedAt, Is.EqualTo(DateTimeOffset.FromUnixTimeSeconds(1761861545)));
            Assert.That(message.Status, Is.Null, "CRUD responses carry no status");
            Assert.That(message.AssistantId, Is.Null);
            Assert.That(message.RunId, Is.Null);
            Assert.That(((MessageTextContent)message.Content![0]).Text!.Value, Is.EqualTo("Hello, world!"));
            Assert.That(((MessageTextContent)message.Content[0]).Text!.Annotations, Is.Empty);
            Assert.That(message.Attachments, Is.Empty);
            Assert.That(message.Metadata!["k"], Is.EqualTo("v"));
            Assert.That(message.Response!.RequestId, Is.EqualTo("req_test"));
        });
    }

    [Test]
    public async Task CreateAsync_WithParts_SendsArrayContent()
    {
        using Wire wire = new();
        wire.Expect(HttpMethod.Post, "threads/thread_abc/messages", MessageJson);

        await wire.Client.Messages.CreateAsync("thread_abc", MessageRole.User, new[]
        {
            MessageContentPart.CreateText("Describe both:"),
            MessageContentPart.CreateImageFile("file-img"),
            MessageContentPart.CreateImageUrl(new Uri("https://example.test/a.png"), MessageImageDetail.Auto),
        });

        JsonAssert.AreEquivalent(
            """
            {"role":"user","content":[
              {"type":"text","text":"Describe both:"},
              {"type":"image_file","image_file":{"file_id":"file-img"}},
              {"type":"image_url","image_url":{"url":"https://example.test/a.png","detail":"auto"}}]}
            """,
            wire.Single.Body!);
    }

    [Test]
    public async Task CreateAsync_WithOneTextPart_SendsBareString()
    {
        using Wire wire = new();
        wire.Expect(HttpMethod.Post, "threads/thread_abc/messages", MessageJson);

        await wire.Client.Messages.CreateAsync("thread_abc", MessageRole.Assistant, new[] { MessageContentPart.CreateText("Hi") });

        JsonAssert.AreEquivalent("""{"role":"assistant","content":"Hi"}""", wire.Single.Body!);
    }

    [Test]
    public async Task CreateAsync_WithAttachmentsAndMetadata_SendsBody()
    {
        using Wire wire = new();
        wire.Expect(HttpMethod.Post, "threads/thread_abc/messages", MessageJson);
        MessageCreationOptions options = new()
        {
            Attachments = new List<MessageAttachment>
            {
                new("file-a", new ToolDefinition[] { ToolDefinition.CreateFileSearch() }),
                new("file-b", new ToolDefinition[] { ToolDefinition.CreateCodeInterpreter() }),
            },
            Metadata = new Dictionary<string, string> { ["k"] = "v" },
        };

        await wire.Client.Messages.CreateAsync("thread_abc", MessageRole.User, "Read these.", options);

        JsonAssert.AreEquivalent(
            """
            {"role":"user","content":"Read these.",
             "attachments":[{"file_id":"file-a","tools":[{"type":"file_search"}]},{"file_id":"file-b","tools":[{"type":"code_interpreter"}]}],
             "metadata":{"k":"v"}}
            """,
            wire.Single.Body!);
        Assert.That(options.Attachments, Has.Count.EqualTo(2), "the caller's options are not changed");
    }

    [Test]
    public async Task GetAsync_SendsGet_ParsesEveryContentAndAnnotationType()
    {
        using Wire wire = new();
        wire.Expect(HttpMethod.Get, "threads/thread_abc/messages/msg_out", AssistantMessageJson);

        ThreadMessage message = await wire.Client.Messages.GetAsync("thread_abc", "msg_out");

        Assert.That(wire.Single.Method, Is.EqualTo(HttpMethod.Get));
        Assert.That(wire.Single.Uri, Is.EqualTo("https://api.test/v1/threads/thread_abc/messages/msg_out"));
        MessageText text = ((MessageTextContent)message.Content![0]).Text!;
        Assert.Multiple(() =>
        {
            Assert.That(message.Role, Is.EqualTo(MessageRole.Assistant));
            Assert.That(message.AssistantId, Is.EqualTo("asst_1"));
            Assert.That(message.RunId, Is.EqualTo("run_1"));
            Assert.That(message.Status, Is.EqualTo(MessageStatus.Incomplete));
            Assert.That(message.Status!.Value.IsTerminal, Is.True);
            Assert.That(message.IncompleteDetails!.Reason, Is.EqualTo(MessageIncompleteReason.MaxTokens));
            Assert.That(message.CompletedAt, Is.Null);
            Assert.That(message.IncompleteAt, Is.EqualTo(DateTimeOffset.FromUnixTimeSeconds(1761861680)));
            Assert.That(text.Annotations, Has.Count.EqualTo(3));
            Assert.That(text.Annotations![0], Is.InstanceOf<FileCitationAnnotation>());
            Assert.That(((FileCitationAnnotation)text.Annotations[0]).FileId, Is.EqualTo("file-cite"));
            Assert.That(text.Annotations[0].StartIndex, Is.EqualTo(4));
            Assert.That(text.Annotations[0].EndIndex, Is.EqualTo(20));
            Assert.That(((FilePathAnnotation)text.Annotations[1]).FileId, Is.EqualTo("file-out"));
            Assert.That(text.Annotations[2], Is.InstanceOf<UnknownTextAnnotation>());
            Assert.That(text.Annotations[2].Type, Is.EqualTo("url_citation"));
            Assert.That(text.Annotations[2].Text, Is.EqualTo("[1]"));
            Assert.That(text.Annotations[2].EndIndex, Is.EqualTo(3));
            Assert.That(((MessageImageFileContent)message.Content[1]).ImageFile!.FileId, Is.EqualTo("file-img"));
            Assert.That(((MessageImageFileContent)message.Content[1]).ImageFile!.Detail, Is.EqualTo(MessageImageDetail.Auto));
            Assert.That(((MessageImageUrlContent)message.Content[2]).ImageUrl!.Url, Is.EqualTo("https://example.test/a.png"));
            Assert.That(((MessageRefusalContent)message.Content[3]).Refusal, Is.EqualTo("I can't."));
            Assert.That(message.Content[4], Is.InstanceOf<UnknownMessageContent>());
            Assert.That(message.Content[4].Type, Is.EqualTo("audio"));
            Assert.That(message.Attachments![0].FileId, Is.EqualTo("file-doc"));
            Assert.That(message.Attachments[0].Tools![0], Is.InstanceOf<FileSearchToolDefinition>());
        });
    }

    [Test]
    public void ThreadMessage_WithUnknownContentAndAnnotations_WritesThemBackUnchanged()
    {
        ThreadMessage message = JsonSerializer.Deserialize(AssistantMessageJson, AssistantsJsonContext.Default.ThreadMessage)!;

        string written = JsonSerializer.Serialize(message, AssistantsJsonContext.Default.ThreadMessage);

        JsonAssert.AreEquivalent(AssistantMessageJson, written, nullEqualsAbsent: true);
    }

    [Test]
    public async Task ModifyAsync_SendsMetadata_KeepsV1ShapeFields()
    {
        using Wire wire = new();
        const string v1Shape = """
            {"id":"msg_abc","object":"thread.message","created_at":1761861546,"assistant_id":null,"thread_id":"thread_abc","run_id":null,"role":"user",
             "content":[{"type":"text","text":{"value":"Goodbye, world!","annotations":[]}}],"file_ids":[],"metadata":{"k":"new"}}
            """;
        wire.Expect(HttpMethod.Post, "threads/thread_abc/messages/msg_abc", v1Shape);

        ThreadMessage message = await wire.Client.Messages.ModifyAsync("thread_abc", "msg_abc", new MessageModificationOptions { Metadata = new Dictionary<string, string> { ["k"] = "new" } });

        Assert.That(wire.Single.Method, Is.EqualTo(HttpMethod.Post));
        Assert.That(wire.Single.Uri, Is.EqualTo("https://api.test/v1/threads/thread_abc/messages/msg_abc"));
        JsonAssert.AreEquivalent("""{"metadata":{"k":"new"}}""", wire.Single.Body!);
        Assert.Multiple(() =>
        {
            Assert.That(message.Metadata!["k"], Is.EqualTo("new"));
            Assert.That(message.Attachments, Is.Null);
            Assert.That(message.AdditionalProperties!.ContainsKey("file_ids"), Is.True);
        });
        JsonAssert.AreEquivalent(v1Shape, JsonSerializer.Serialize(message, AssistantsJsonContext.Default.ThreadMessage), nullEqualsAbsent: true);
    }

    [Test]
    public async Task DeleteAsync_SendsDelete_ParsesResult()
    {
        using Wire wire = new();
        wire.Expect(HttpMethod.Delete, "threads/thread_abc/messages/msg_abc", """{"id":"msg_abc","object":"thread.message.deleted","deleted":true}""");

        DeletionResult result = await wire.Client.Messages.DeleteAsync("thread_abc", "msg_abc");

        Assert.Multiple(() =>
        {
            Assert.That(wire.Single.Method, Is.EqualTo(HttpMethod.Delete));
            Assert.That(wire.Single.Uri, Is.EqualTo("https://api.test/v1/threads/thread_abc/messages/msg_abc"));
            Assert.That(result.Object, Is.EqualTo("thread.message.deleted"));
            Assert.That(result.Deleted, Is.True);
        });
    }

    [Test]
    public async Task ListAsync_WithRunIdAndCursors_SendsQueryAndFollowsCursor()
    {
        using Wire wire = new();
        wire.Expect(HttpMethod.Get, "threads/thread_abc/messages?limit=2&order=asc&run_id=run_1",
            """{"object":"list","data":[{"id":"m1","created_at":1,"role":"assistant","content":[]},{"id":"m2","created_at":2,"role":"assistant","content":[]}],"first_id":"m1","last_id":"m2","has_more":true}""");
        wire.Expect(HttpMethod.Get, "threads/thread_abc/messages?limit=2&order=asc&after=m2&run_id=run_1",
            """{"object":"list","data":[{"id":"m3","created_at":3,"role":"assistant","content":[]}],"first_id":"m3","last_id":"m3","has_more":false}""");

        List<ThreadMessage> messages = await wire.Client.Messages.ListAsync("thread_abc", new MessageCollectionOptions { Limit = 2, Order = ListOrder.Ascending, RunId = "run_1" }).ToListAsync();

        Assert.That(messages.Select(m => m.Id), Is.EqualTo(new[] { "m1", "m2", "m3" }));
        Assert.That(wire.Requests.Select(r => r.Uri), Is.EqualTo(new[]
        {
            "https://api.test/v1/threads/thread_abc/messages?limit=2&order=asc&run_id=run_1",
            "https://api.test/v1/threads/thread_abc/messages?limit=2&order=asc&after=m2&run_id=run_1",
        }));
        Assert.That(wire.Requests.All(r => r.Method == HttpMethod.Get), Is.True);
    }

    [Test]
    public async Task ListAsync_WithBefore_PagesBackwards()
    {
        using Wire wire = new();
        wire.Expect(HttpMethod.Get, "threads/thread_abc/messages?before=m9",
            """{"object":"list","data":[{"id":"m8","created_at":8,"role":"user","content":[]}],"first_id":"m8","last_id":"m8","has_more":false}""");

        List<ThreadMessage> messages = await wire.Client.Messages.ListAsync("thread_abc", new MessageCollectionOptions { Before = "m9" }).ToListAsync();

        Assert.That(messages.Select(m => m.Id), Is.EqualTo(new[] { "m8" }));
        Assert.That(wire.Single.Uri, Is.EqualTo("https://api.test/v1/threads/thread_abc/messages?before=m9"));
    }

    [TestCase(null)]
    [TestCase("")]
    [TestCase(" ")]
    public void EveryOperation_WithMissingIds_ThrowsBeforeSending(string? id)
    {
        using Wire wire = new();
        MessageModificationOptions modify = new();

        Assert.Multiple(() =>
        {
            Assert.That(ParamOf(() => wire.Client.Messages.CreateAsync(id!, MessageRole.User, "x")), Is.EqualTo("threadId"));
            Assert.That(ParamOf(() => wire.Client.Messages.CreateAsync(id!, MessageRole.User, new[] { MessageContentPart.CreateText("x") })), Is.EqualTo("threadId"));
            Assert.That(ParamOf(() => wire.Client.Messages.GetAsync(id!, "msg_1")), Is.EqualTo("threadId"));
            Assert.That(ParamOf(() => wire.Client.Messages.GetAsync("thread_1", id!)), Is.EqualTo("messageId"));
            Assert.That(ParamOf(() => wire.Client.Messages.ModifyAsync(id!, "msg_1", modify)), Is.EqualTo("threadId"));
            Assert.That(ParamOf(() => wire.Client.Messages.ModifyAsync("thread_1", id!, modify)), Is.EqualTo("messageId"));
            Assert.That(ParamOf(() => wire.Client.Messages.DeleteAsync(id!, "msg_1")), Is.EqualTo("threadId"));
            Assert.That(ParamOf(() => wire.Client.Messages.DeleteAsync("thread_1", id!)), Is.EqualTo("messageId"));
            Assert.That(Assert.Throws(Is.InstanceOf<ArgumentException>(), () => wire.Client.Messages.ListAsync(id!)) is ArgumentException { ParamName: "threadId" });
        });
        Assert.That(wire.Requests, Is.Empty);
    }

    [Test]
    public void CreateAsync_WithBadContent_ThrowsBeforeSending()
    {
        using Wire wire = new();

        Assert.Multiple(() =>
        {
            Assert.That(ParamOf(() => wire.Client.Messages.CreateAsync("thread_1", MessageRole.User, (string)null!)), Is.EqualTo("text"));
            Assert.That(ParamOf(() => wire.Client.Messages.CreateAsync("thread_1", MessageRole.User, (IEnumerable<MessageContentPart>)null!)), Is.EqualTo("parts"));
            Assert.That(ParamOf(() => wire.Client.Messages.CreateAsync("thread_1", MessageRole.User, Array.Empty<MessageContentPart>())), Is.EqualTo("parts"));
            Assert.That(ParamOf(() => wire.Client.Messages.CreateAsync("thread_1", MessageRole.User, new MessageContentPart[] { null! })), Is.EqualTo("parts"));
        });
        Assert.That(wire.Requests, Is.Empty);
    }

    [Test]
    public void CreateAsync_WithSeventeenMetadataPairs_ThrowsBeforeSending()
    {
        using Wire wire = new();
        MessageCreationOptions options = new() { Metadata = Enumerable.Range(0, 17).ToDictionary(i => "k" + i, _ => "v") };

        Assert.That(ParamOf(() => wire.Client.Messages.CreateAsync("thread_1", MessageRole.User, "x", options)), Is.EqualTo("options.Metadata"));
        Assert.That(wire.Requests, Is.Empty);
    }

    [Test]
    public void ModifyAsync_WithTooLongMetadataValue_ThrowsBeforeSending()
    {
        using Wire wire = new();
        MessageModificationOptions options = new() { Metadata = new Dictionary<string, string> { ["k"] = new string('v', 513) } };

        Assert.That(ParamOf(() => wire.Client.Messages.ModifyAsync("thread_1", "msg_1", options)), Is.EqualTo("options.Metadata"));
        Assert.That(ParamOf(() => wire.Client.Messages.ModifyAsync("thread_1", "msg_1", null!)), Is.EqualTo("options"));
        Assert.That(wire.Requests, Is.Empty);
    }

    [TestCase(0)]
    [TestCase(101)]
    public void ListAsync_WithLimitOutOfRange_ThrowsBeforeSending(int limit)
    {
        using Wire wire = new();

        Assert.Throws<ArgumentOutOfRangeException>(() => wire.Client.Messages.ListAsync("thread_1", new MessageCollectionOptions { Limit = limit }));
        Assert.That(wire.Requests, Is.Empty);
    }

    [Test]
    public async Task GetAsync_WithSlashesInIds_EscapesTheSegments()
    {
        using Wire wire = new();
        wire.Mock.When("*").Respond("application/json", MessageJson);

        await wire.Client.Messages.GetAsync("t/../x", "m?y");

        Assert.That(wire.Single.Uri, Is.EqualTo("https://api.test/v1/threads/t%2F..%2Fx/messages/m%3Fy"));
    }

    private static string? ParamOf(AsyncTestDelegate call)
        => (Assert.ThrowsAsync(Is.InstanceOf<ArgumentException>(), call) as ArgumentException)?.ParamName;
}
