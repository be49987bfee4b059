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
public sealed partial class RunsClientTests
{
    private const string IncludeQuery = "include[]=step_details.tool_calls%5B%2A%5D.file_search.results%5B%2A%5D.content";

    private const string QueuedRunJson = """
        {"id":"run_1","object":"thread.run","created_at":1761861549,"assistant_id":"asst_1","thread_id":"thread_1","status":"queued",
         "started_at":null,"expires_at":1761862149,"cancelled_at":null,"failed_at":null,"completed_at":null,"required_action":null,"last_error":null,
         "model":"gpt-4o","instructions":null,"tools":[],"tool_resources":{},"metadata":{},"temperature":1.0,"top_p":1.0,"reasoning_effort":null,
         "max_completion_tokens":null,"max_prompt_tokens":null,"truncation_strategy":{"type":"auto","last_messages":null},"incomplete_details":null,
         "usage":null,"response_format":"auto","tool_choice":"auto","parallel_tool_calls":true}
        """;

    private const string RequiresActionRunJson = """
        {"id":"run_1","object":"thread.run","created_at":1761861679,"assistant_id":"asst_1","thread_id":"thread_1","status":"requires_action",
         "started_at":1761861680,"expires_at":1761862279,"cancelled_at":null,"failed_at":null,"completed_at":null,
         "required_action":{"type":"submit_tool_outputs","submit_tool_outputs":{"tool_calls":[{"id":"call_1","type":"function","function":{"name":"get_food","arguments":"{\"day\":\"Thursday\"}"}}]}},
         "last_error":{"code":"rate_limit_exceeded","message":"slow down"},
         "model":"gpt-4o","instructions":"Be brief.","tools":[{"type":"function","function":{"name":"get_food","parameters":{"type":"object"},"strict":false}}],
         "tool_resources":{"code_interpreter":{"file_ids":[]}},"metadata":{"k":"v"},"temperature":0.5,"top_p":0.9,"reasoning_effort":"low",
         "max_completion_tokens":1000,"max_prompt_tokens":2000,"truncation_strategy":{"type":"last_messages","last_messages":5},
         "incomplete_details":{"reason":"max_prompt_tokens"},
         "usage":{"prompt_tokens":10,"completion_tokens":5,"total_tokens":15,"prompt_token_details":{"cached_tokens":2},"completion_tokens_details":{"reasoning_tokens":1}},
         "response_format":{"type":"json_object"},"tool_choice":{"type":"function","function":{"name":"get_food"}},"parallel_tool_calls":false}
        """;

    [Test]
    public async Task CreateAsync_WithEveryOption_SendsBodyAndIncludeQuery()
    {
        using Wire wire = new();
        wire.Expect(HttpMethod.Post, "threads/thread_1/runs?" + IncludeQuery, QueuedRunJson);

        ThreadRun run = await wire.Client.Runs.CreateAsync("thread_1", "asst_1", new RunCreationOptions
        {
            Model = "gpt-4o-mini",
            Instructions = "Be brief.",
            AdditionalInstructions = "Answer in French.",
            AdditionalMessages = new List<ThreadInitializationMessage> { new(MessageRole.User, "What should I eat on Thursday?") },
            Tools = new List<ToolDefinition> { ToolDefinition.CreateCodeInterpreter() },
            Metadata = new Dictionary<string, string> { ["k"] = "v" },
            Temperature = 0.5,
            TopP = 0.9,
            MaxPromptTokens = 2000,
            MaxCompletionTokens = 1000,
            TruncationStrategy = RunTruncationStrategy.CreateLastMessages(5),
            ToolChoice = ToolChoice.CreateFunction("get_food"),
            ParallelToolCalls = false,
            ResponseFormat = AssistantResponseFormat.JsonObject,
            ReasoningEffort = "low",
            Include = new List<string> { RunStepInclude.FileSearchResultContent },
        });

        CapturedRequest request = wire.Single;
        Assert.Multiple(() =>
        {
            Assert.That(request.Method, Is.EqualTo(HttpMethod.Post));
            Assert.That(request.Uri, Is.EqualTo("https://api.test/v1/threads/thread_1/runs?" + IncludeQuery));
            Assert.That(request.Headers["Authorization"], Is.EqualTo("Bearer " + Wire.ApiKey));
            Assert.That(request.Headers["OpenAI-Beta"], Is.EqualTo("assistants=v2"));
            Assert.That(request.ContentType, Does.StartWith("application/json"));
        });
        JsonAssert.AreEquivalent(
            """
            {"assistant_id":"asst_1","model":"gpt-4o-mini","instructions":"Be brief.","additional_instructions":"Answer in French.",
             "additional_messages":[{"role":"user","content":"What should I eat on Thursday?"}],"tools":[{"type":"code_interpreter"}],
             "metadata":{"k":"v"},"temperature":0.5,"top_p":0.9,"max_prompt_tokens":2000,"max_completion_tokens":1000,
             "truncation_strategy":{"type":"last_messages","last_messages":5},"tool_choice":{"type":"function","function":{"name":"get_food"}},
             "parallel_tool_calls":false,"response_format":{"type":"json_object"},"reasoning_effort":"low"}
            """,
            request.Body!);
        Assert.Multiple(() =>
        {
            Assert.That(run.Id, Is.EqualTo("run_1"));
            Assert.That(run.Status, Is.EqualTo(RunStatus.Queued));
            Assert.That(run.Status?.IsTerminal, Is.False);
            Assert.That(run.ExpiresAt, Is.EqualTo(DateTimeOffset.FromUnixTimeSeconds(1761862149)));
            Assert.That(run.StartedAt, Is.Null);
            Assert.That(run.ToolChoice, Is.SameAs(ToolChoice.Auto));
            Assert.That(run.ResponseFormat!.Type, Is.EqualTo("auto"));
            Assert.That(run.TruncationStrategy!.Type, Is.EqualTo(RunTruncationStrategyType.Auto));
            Assert.That(run.Response!.RequestId, Is.EqualTo("req_test"));
        });
    }

    [Test]
    public async Task CreateAsync_WithoutOptions_SendsOnlyAssistantId()
    {
        using Wire wire = new();
        wire.Expect(HttpMethod.Post, "threads/thread_1/runs", QueuedRunJson);

        await wire.Client.Runs.CreateAsync("thread_1", "asst_1");

        Assert.That(wire.Single.Uri, Is.EqualTo("https://api.test/v1/threads/thread_1/runs"));
        JsonAssert.AreEquivalent("""{"assistant_id":"asst_1"}""", wire.Single.Body!);
    }

    [Test]
    public async Task CreateAsync_DoesNotChangeCallersOptions()
    {
        using Wire wire = new();
        wire.Mock.When("*").Respond("application/json", QueuedRunJson);
        RunCreationOptions options = new() { Model = "m" };

        await wire.Client.Runs.CreateAsync("thread_1", "asst_1", options);
        await wire.Client.Runs.CreateAsync("thread_1", "asst_2", options);

        JsonAssert.AreEquivalent("""{"assistant_id":"asst_2","model":"m"}""", wire.Requests[1].Body!);
        Assert.That(options.AdditionalProperties, Is.Null);
    }

    [Test]
    public async Task CreateThreadAndRunAsync_SendsThreadAndRunFields()
    {
        using Wire wire = new();
        wire.Expect(HttpMethod.Post, "threads/runs", QueuedRunJson);

        ThreadRun run = await wire.Client.Runs.CreateThreadAndRunAsync(
            "asst_1",
            new ThreadCreationOptions
            {
                Messages = new List<ThreadInitializationMessage> { new(MessageRole.User, "What should I eat on Thursday?") },
                Metadata = new Dictionary<string, string> { ["t"] = "1" },
            },
            new RunCreationOptions
            {
                Instructions = "Be brief.",
                ToolResources = new ToolResources { CodeInterpreter = new CodeInterpreterToolResources { FileIds = new List<string> { "file-1" } } },
                ToolChoice = ToolChoice.Required,
                TruncationStrategy = RunTruncationStrategy.Auto,
            });

        CapturedRequest request = wire.Single;
        Assert.That(request.Method, Is.EqualTo(HttpMethod.Post));
        Assert.That(request.Uri, Is.EqualTo("https://api.test/v1/threads/runs"));
        Assert.That(request.Headers["OpenAI-Beta"], Is.EqualTo("assistants=v2"));
        JsonAssert.AreEquivalent(
            """
            {"assistant_id":"asst_1","thread":{"messages":[{"role":"user","content":"What should I eat on Thursday?"}],"metadata":{"t":"1"}},
             "instructions":"Be brief.","tool_resources":{"code_interpreter":{"file_ids":["file-1"]}},"tool_choice":"required",
             "truncation_strategy":{"type":"auto"}}
            """,
            request.Body!);
        Assert.That(run.ThreadId, Is.EqualTo("thread_1"));
    }

    [Test]
    public async Task CreateThreadAndRunAsync_WithoutOptions_SendsOnlyAssistantId()
    {
        using Wire wire = new();
        wire.Expect(HttpMethod.Post, "threads/runs", QueuedRunJson);

        await wire.Client.Runs.CreateThreadAndRunAsync("asst_1");

        JsonAssert.AreEquivalent("""{"assistant_id":"asst_1"}""", wire.Single.Body!);
    }

    [Test]
    public async Task GetAsync_RequiresAction_ParsesEveryField()
    {
        using Wire wire = new();
        wire.Expect(HttpMethod.Get, "threads/thread_1/runs/run_1", RequiresActionRunJson);

        ThreadRun run = await wire.Client.Runs.GetAsync("thread_1", "run_1");

        Assert.That(wire.Single.Method, Is.EqualTo(HttpMethod.Get));
        Assert.That(wire.Single.Uri, Is.EqualTo("https://api.test/v1/threads/thread_1/runs/run_1"));
        Assert.That(wire.Single.Body, Is.Null.Or.Empty);
        RequiredToolCall call = run.RequiredAction!.SubmitToolOutputs!.ToolCalls!.Single();
        Assert.Multiple(() =>
        {
            Assert.That(run.Status, Is.EqualTo(RunStatus.RequiresAction));
            Assert.That(run.Status?.IsTerminal, Is.False);
            Assert.That(run.RequiredAction.Type, Is.EqualTo("submit_tool_outputs"));
            Assert.That(call.Id, Is.EqualTo("call_1"));
            Assert.That(call.Type, Is.EqualTo("function"));
            Assert.That(call.FunctionName, Is.EqualTo("get_food"));
            Assert.That(call.FunctionArguments, Is.EqualTo("{\"day\":\"Thursday\"}"));
            Assert.That(run.LastError!.Code, Is.EqualTo(RunErrorCode.RateLimitExceeded));
            Assert.That(run.LastError.Message, Is.EqualTo("slow down"));
            Assert.That(run.IncompleteDetails!.Reason, Is.EqualTo(RunIncompleteReason.MaxPromptTokens));
            Assert.That(run.StartedAt, Is.EqualTo(DateTimeOffset.FromUnixTimeSeconds(1761861680)));
            Assert.That(run.Instructions, Is.EqualTo("Be brief."));
            Assert.That(run.Tools![0], Is.InstanceOf<FunctionToolDefinition>());
            Assert.That(run.ToolResources!.CodeInterpreter!.FileIds, Is.Empty);
            Assert.That(run.Metadata!["k"], Is.EqualTo("v"));
            Assert.That(run.Temperature, Is.EqualTo(0.5));
            Assert.That(run.TopP, Is.EqualTo(0.9));
            Assert.That(run.ReasoningEffort, Is.EqualTo("low"));
            Assert.That(run.MaxCompletionTokens, Is.EqualTo(1000));
            Assert.That(run.MaxPromptTokens, Is.EqualTo(2000));
            Assert.That(run.TruncationStrategy!.Type, Is.EqualTo(RunTruncationStrategyType.LastMessages));
            Assert.That(run.TruncationStrategy.LastMessages, Is.EqualTo(5));
            Assert.That(run.Usage!.PromptTokens, Is.EqualTo(10));
            Assert.That(run.Usage.CompletionTokens, Is.EqualTo(5));
            Assert.That(run.Usage.TotalTokens, Is.EqualTo(15));
            Assert.That(run.Usage.PromptTokenDetails!.CachedTokens, Is.EqualTo(2));
            Assert.That(run.Usage.CompletionTokensDetails!.ReasoningTokens, Is.EqualTo(1));
            Assert.That(run.ResponseFormat!.Type, Is.EqualTo("json_object"));
            Assert.That(run.ToolChoice!.Type, Is.EqualTo("function"));
            Assert.That(run.ToolChoice.FunctionName, Is.EqualTo("get_food"));
            Assert.That(run.ToolChoice.IsBareString, Is.False);
            Assert.That(run.ParallelToolCalls, Is.False);
        });
        JsonAssert.AreEquivalent(RequiresActionRunJson, JsonSerializer.Serialize(run, AssistantsJsonContext.Default.ThreadRun), nullEqualsAbsent: true);
    }

    [Test]
    public async Task GetAsync_WithUnknownStatusAndErrorCode_KeepsThemAndIsNotTerminal()
    {
        using Wire wire = new();
        string json = QueuedRunJson.Replace("\"status\":\"queued\"", "\"status\":\"paused_for_review\"").Replace("\"last_error\":null", "\"last_error\":{\"code\":\"quota_exhausted\",\"message\":\"m\"}");
        wire.Expect(HttpMethod.Get, "threads/thread_1/runs/run_1", json);

        ThreadRun run = await wire.Client.Runs.GetAsync("thread_1", "run_1");

        Assert.That(run.Status.ToString(), Is.EqualTo("paused_for_review"));
        Assert.That(run.Status, Is.EqualTo(new RunStatus("paused_for_review")));
        Assert.That(run.Status?.IsTerminal, Is.False);
        Assert.That(run.LastError!.Code.ToString(), Is.EqualTo("quota_exhausted"));
        JsonAssert.AreEquivalent(json, JsonSerializer.Serialize(run, AssistantsJsonContext.Default.ThreadRun), nullEqualsAbsent: true);
    }

    [TestCase("queued", false)]
    [TestCase("in_progress", false)]
    [TestCase("requires_action", false)]
    [TestCase("cancelling", false)]
    [TestCase("cancelled", true)]
    [TestCase("failed", true)]
    [TestCase("completed", true)]
    [TestCase("incomplete", true)]
    [TestCase("expired", true)]
    [TestCase("something_new", false)]
    public void RunStatus_IsTerminal_MatchesTheProtocol(string status, bool terminal)
    {
        RunStatus parsed = JsonSerializer.Deserialize("\"" + status + "\"", AssistantsJsonContext.Default.RunStatus);

        Assert.That(parsed.IsTerminal, Is.EqualTo(terminal));
        Assert.That(parsed.ToString(), Is.EqualTo(status));
    }

    [Test]
    public async Task ModifyAsync_SendsMetadata()
    {
        using Wire wire = new();
        wire.Expect(HttpMethod.Post, "threads/thread_1/runs/run_1", QueuedRunJson);

        ThreadRun run = await wire.Client.Runs.ModifyAsync("thread_1", "run_1", new RunModificationOptions { Metadata = new Dictionary<string, string> { ["k"] = "v" } });

        Assert.That(wire.Single.Method, Is.EqualTo(HttpMethod.Post));
        Assert.That(wire.Single.Uri, Is.EqualTo("https://api.test/v1/threads/thread_1/runs/run_1"));
        JsonAssert.AreEquivalent("""{"metadata":{"k":"v"}}""", wire.Single.Body!);
        Assert.That(run.Id, Is.EqualTo("run_1"));
    }

    [Test]
    public async Task ListAsync_WithEveryOption_SendsQueryAndFollowsCursor()
    {
        using Wire wire = new();
        string page1 = "{\"object\":\"list\",\"data\":[" + QueuedRunJson + "," + QueuedRunJson.Replace("run_1", "run_2") + "],\"first_id\":\"run_1\",\"last_id\":\"run_2\",\"has_more\":true}";
        string page2 = "{\"object\":\"list\",\"data\":[" + QueuedRunJson.Replace("run_1", "run_3") + "],\"first_id\":\"run_3\",\"last_id\":\"run_3\",\"has_more\":false}";
        wire.Expect(HttpMethod.Get, "threads/thread_1/runs?limit=2&order=asc&after=run_0", page1);
        wire.Expect(HttpMethod.Get, "threads/thread_1/runs?limit=2&order=asc&after=run_2", page2);

        List<ThreadRun> runs = await wire.Client.Runs.ListAsync("thread_1", new RunCollectionOptions { Limit = 2, Order = ListOrder.Ascending, After = "run_0" }).ToListAsync();

        Assert.That(runs.Select(r => r.Id), Is.EqualTo(new[] { "run_1", "run_2", "run_3" }));
        Assert.That(wire.Requests.Select(r => r.Uri), Is.EqualTo(new[]
        {
            "https://api.test/v1/threads/thread_1/runs?limit=2&order=asc&after=run_0",
            "https://api.test/v1/threads/thread_1/runs?limit=2&order=asc&after=run_2",
        }));
        Assert.That(wire.Requests.All(r => r.Method == HttpMethod.Get), Is.True);
    }

    [Test]
    public async Task ListAsync_WithBefore_SendsBefore()
    {
        using Wire wire = new();
        wire.Expect(HttpMethod.Get, "threads/thread_1/runs?before=run_9", """{"object":"list","data":[],"first_id":null,"last_id":null,"has_more":false}""");

        List<ThreadRun> runs = await wire.Client.Runs.ListAsync("thread_1", new RunCollectionOptions { Before = "run_9" }).ToListAsync();

        Assert.That(runs, Is.Empty);
        Assert.That(wire.Single.Uri, Is.EqualTo("https://api.test/v1/threads/thread_1/runs?before=run_9"));
    }

    [Test]
    public async Task CancelAsync_PostsToCancelWithoutBody()
    {
        using Wire wire = new();
        wire.Expect(HttpMethod.Post, "threads/thread_1/runs/run_1/cancel", QueuedRunJson.Replace("\"queued\"", "\"cancelling\""));

        ThreadRun run = await wire.Client.Runs.CancelAsync("thread_1", "run_1");

        Assert.That(wire.Single.Method, Is.EqualTo(HttpMethod.Post));
        Assert.That(wire.Single.Uri, Is.EqualTo("https://api.test/v1/threads/thread_1/runs/run_1/cancel"));
        Assert.That(wire.Single.Body, Is.Null.Or.Empty);
        Assert.That(run.Status, Is.EqualTo(RunStatus.Cancelling));
    }

    [Test]
    public async Task SubmitToolOutputsAsync_SendsOutputs()
    {
        using Wire wire = new();
        wire.Expect(HttpMethod.Post, "threads/thread_1/runs/run_1/submit_tool_outputs", QueuedRunJson);

        ThreadRun run = await wire.Client.Runs.SubmitToolOutputsAsync("thread_1", "run_1", new[] { new ToolOutput("call_1", "tacos"), new ToolOutput("call_2", null) });

        Assert.That(wire.Single.Method, Is.EqualTo(HttpMethod.Post));
        Assert.That(wire.Single.Uri, Is.EqualTo("https://api.test/v1/threads/thread_1/runs/run_1/submit_tool_outputs"));
        Assert.That(wire.Single.ContentType, Does.StartWith("application/json"));
        JsonAssert.AreEquivalent("""{"tool_outputs":[{"tool_call_id":"call_1","output":"tacos"},{"tool_call_id":"call_2"}]}""", wire.Single.Body!);
        Assert.That(run.Status, Is.EqualTo(RunStatus.Queued));
    }

    [Test]
    public async Task GetAsync_WithSlashInIds_KeepsTheRoute()
    {
        using Wire wire = new();
        wire.Mock.When("*").Respond("application/json", QueuedRunJson);

        await wire.Client.Runs.GetAsync("../x", "a/b");

        Assert.That(wire.Single.Uri, Is.EqualTo("https://api.test/v1/threads/..%2Fx/runs/a%2Fb"));
    }

    [Test]
    public async Task BuildRequests_WithStream_AddStreamTrueToTheSameBody()
    {
        using Wire wire = new();
        RunsClient runs = wire.Client.Runs;
        RunCreationOptions options = new() { Model = "m", Include = new List<string> { RunStepInclude.FileSearchResultContent } };

        using HttpRequestMessage create = runs.BuildCreateRunRequest("thread_1", "asst_1", options, stream: true);
        using HttpRequestMessage threadAndRun = runs.BuildCreateThreadAndRunRequest("asst_1", null, new RunCreationOptions { Model = "m" }, stream: true);
        using HttpRequestMessage submit = runs.BuildSubmitToolOutputsRequest("thread_1", "run_1", new[] { new ToolOutput("c", "o") }, stream: true);

        Assert.That(create.RequestUri!.AbsoluteUri, Is.EqualTo("https://api.test/v1/threads/thread_1/runs?" + IncludeQuery));
        JsonAssert.AreEquivalent("""{"assistant_id":"asst_1","stream":true,"model":"m"}""", await create.Content!.ReadAsStringAsync());
        JsonAssert.AreEquivalent("""{"assistant_id":"asst_1","stream":true,"model":"m"}""", await threadAndRun.Content!.ReadAsStringAsync());
        JsonAssert.AreEquivalent("""{"tool_outputs":[{"tool_call_id":"c","output":"o"}],"stream":true}""", await submit.Content!.ReadAsStringAsync());
    }
}
