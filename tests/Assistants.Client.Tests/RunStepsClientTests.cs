using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Text.Json;
using System.Threading.Tasks;
using Assistants.Client.Serialization;
using NUnit.Framework;

namespace Assistants.Client.Tests;

[TestFixture]
public sealed class RunStepsClientTests
{
    private const string IncludeQuery = "include[]=step_details.tool_calls%5B%2A%5D.file_search.results%5B%2A%5D.content";

    private const string FileSearchStepJson = """
        {"id":"step_1","object":"thread.run.step","created_at":1761861674,"run_id":"run_1","assistant_id":"asst_1","thread_id":"thread_1",
         "type":"tool_calls","status":"completed","cancelled_at":null,"completed_at":1761861675,"expires_at":null,"failed_at":null,"last_error":null,
         "step_details":{"type":"tool_calls","tool_calls":[{"id":"call_1","type":"file_search","file_search":{
           "ranking_options":{"ranker":"default_2024_08_21","score_threshold":0.5},
           "results":[{"file_id":"file-1","file_name":"foods.txt","score":0.75,"attributes":{"k":"v","n":2},"content":[{"type":"text","text":"tacos"}]}]}}]},
         "usage":{"prompt_tokens":830,"completion_tokens":19,"total_tokens":849,"prompt_token_details":{"cached_tokens":0},"completion_tokens_details":{"reasoning_tokens":0}}}
        """;

    private const string MixedStepJson = """
        {"id":"step_2","object":"thread.run.step","created_at":1,"run_id":"run_1","assistant_id":"asst_1","thread_id":"thread_1",
         "type":"tool_calls","status":"in_progress","cancelled_at":null,"completed_at":null,"expires_at":2,"failed_at":null,
         "last_error":{"code":"server_error","message":"oops"},
         "step_details":{"type":"tool_calls","tool_calls":[
           {"id":"call_a","type":"code_interpreter","code_interpreter":{"input":"print(1)","outputs":[{"type":"logs","logs":"1\n"},{"type":"image","image":{"file_id":"file-img"}},{"type":"chart","chart":{"kind":"bar"}}]}},
           {"id":"call_b","type":"function","function":{"name":"get_food","arguments":"{}","output":"tacos"}},
           {"id":"call_c","type":"web_browser","web_browser":{"url":"https://example.com"}}]},
         "usage":null}
        """;

    [Test]
    public async Task GetAsync_WithInclude_SendsQuery_ParsesFileSearchResults()
    {
        using Wire wire = new();
        wire.Expect(HttpMethod.Get, "threads/thread_1/runs/run_1/steps/step_1?" + IncludeQuery, FileSearchStepJson);

        RunStep step = await wire.Client.RunSteps.GetAsync("thread_1", "run_1", "step_1", new RunStepRetrievalOptions { Include = new List<string> { RunStepInclude.FileSearchResultContent } });

        CapturedRequest request = wire.Single;
        Assert.Multiple(() =>
        {
            Assert.That(request.Method, Is.EqualTo(HttpMethod.Get));
            Assert.That(request.Uri, Is.EqualTo("https://api.test/v1/threads/thread_1/runs/run_1/steps/step_1?" + IncludeQuery));
            Assert.That(request.Headers["Authorization"], Is.EqualTo("Bearer " + Wire.ApiKey));
            Assert.That(request.Headers["OpenAI-Beta"], Is.EqualTo("assistants=v2"));
            Assert.That(request.Body, Is.Null.Or.Empty);
        });
        RunStepFileSearchToolCall call = (RunStepFileSearchToolCall)((RunStepToolCallDetails)step.Details!).ToolCalls!.Single();
        RunStepFileSearchResult result = call.Results!.Single();
        Assert.Multiple(() =>
        {
            Assert.That(step.Id, Is.EqualTo("step_1"));
            Assert.That(step.Object, Is.EqualTo("thread.run.step"));
            Assert.That(step.RunId, Is.EqualTo("run_1"));
            Assert.That(step.AssistantId, Is.EqualTo("asst_1"));
            Assert.That(step.ThreadId, Is.EqualTo("thread_1"));
            Assert.That(step.Type, Is.EqualTo(RunStepType.ToolCalls));
            Assert.That(step.Status, Is.EqualTo(RunStepStatus.Completed));
            Assert.That(step.Status?.IsTerminal, Is.True);
            Assert.That(step.CompletedAt, Is.EqualTo(DateTimeOffset.FromUnixTimeSeconds(1761861675)));
            Assert.That(step.ExpiresAt, Is.Null);
            Assert.That(step.Usage!.TotalTokens, Is.EqualTo(849));
            Assert.That(call.Id, Is.EqualTo("call_1"));
            Assert.That(call.Type, Is.EqualTo("file_search"));
            Assert.That(call.FileSearch!.RankingOptions!.Ranker, Is.EqualTo("default_2024_08_21"));
            Assert.That(call.FileSearch.RankingOptions.ScoreThreshold, Is.EqualTo(0.5));
            Assert.That(result.FileId, Is.EqualTo("file-1"));
            Assert.That(result.FileName, Is.EqualTo("foods.txt"));
            Assert.That(result.Score, Is.EqualTo(0.75));
            Assert.That(result.Attributes!["n"].GetInt32(), Is.EqualTo(2));
            Assert.That(result.Content!.Single().Text, Is.EqualTo("tacos"));
            Assert.That(step.Response!.RequestId, Is.EqualTo("req_test"));
        });
        JsonAssert.AreEquivalent(FileSearchStepJson, JsonSerializer.Serialize(step, AssistantsJsonContext.Default.RunStep), nullEqualsAbsent: true);
    }

    [Test]
    public async Task GetAsync_WithoutOptions_SendsNoQuery()
    {
        using Wire wire = new();
        wire.Expect(HttpMethod.Get, "threads/thread_1/runs/run_1/steps/step_1", FileSearchStepJson);

        await wire.Client.RunSteps.GetAsync("thread_1", "run_1", "step_1");

        Assert.That(wire.Single.Uri, Is.EqualTo("https://api.test/v1/threads/thread_1/runs/run_1/steps/step_1"));
    }

    [Test]
    public async Task GetAsync_ToolCallsOfEveryKind_ParsesKnownAndKeepsUnknown()
    {
        using Wire wire = new();
        wire.Expect(HttpMethod.Get, "threads/thread_1/runs/run_1/steps/step_2", MixedStepJson);

        RunStep step = await wire.Client.RunSteps.GetAsync("thread_1", "run_1", "step_2");

        IReadOnlyList<RunStepToolCall> calls = ((RunStepToolCallDetails)step.Details!).ToolCalls!;
        RunStepCodeInterpreterToolCall code = (RunStepCodeInterpreterToolCall)calls[0];
        RunStepFunctionToolCall function = (RunStepFunctionToolCall)calls[1];
        UnknownRunStepToolCall unknown = (UnknownRunStepToolCall)calls[2];
        Assert.Multiple(() =>
        {
            Assert.That(step.Status, Is.EqualTo(RunStepStatus.InProgress));
            Assert.That(step.Status?.IsTerminal, Is.False);
            Assert.That(step.LastError!.Code, Is.EqualTo(RunErrorCode.ServerError));
            Assert.That(step.ExpiresAt, Is.EqualTo(DateTimeOffset.FromUnixTimeSeconds(2)));
            Assert.That(code.Id, Is.EqualTo("call_a"));
            Assert.That(code.Input, Is.EqualTo("print(1)"));
            Assert.That(((RunStepCodeInterpreterLogOutput)code.Outputs![0]).Logs, Is.EqualTo("1\n"));
            Assert.That(((RunStepCodeInterpreterImageOutput)code.Outputs[1]).FileId, Is.EqualTo("file-img"));
            Assert.That(code.Outputs[2], Is.InstanceOf<UnknownRunStepCodeInterpreterOutput>());
            Assert.That(code.Outputs[2].Type, Is.EqualTo("chart"));
            Assert.That(function.FunctionName, Is.EqualTo("get_food"));
            Assert.That(function.FunctionArguments, Is.EqualTo("{}"));
            Assert.That(function.FunctionOutput, Is.EqualTo("tacos"));
            Assert.That(unknown.Type, Is.EqualTo("web_browser"));
            Assert.That(unknown.Id, Is.EqualTo("call_c"));
            Assert.That(unknown.Raw.GetProperty("web_browser").GetProperty("url").GetString(), Is.EqualTo("https://example.com"));
        });
        JsonAssert.AreEquivalent(MixedStepJson, JsonSerializer.Serialize(step, AssistantsJsonContext.Default.RunStep), nullEqualsAbsent: true);
    }

    [Test]
    public void RunStep_WithUnknownDetailsTypeAndStatus_KeepsThem()
    {
        const string json = """
            {"id":"step_3","object":"thread.run.step","created_at":1,"type":"reasoning","status":"paused","expired_at":5,"metadata":{"a":"b"},
             "step_details":{"type":"reasoning","reasoning":{"summary":"thinking"}}}
            """;

        RunStep step = JsonSerializer.Deserialize(json, AssistantsJsonContext.Default.RunStep)!;

        Assert.Multiple(() =>
        {
            Assert.That(step.Type.ToString(), Is.EqualTo("reasoning"));
            Assert.That(step.Status.ToString(), Is.EqualTo("paused"));
            Assert.That(step.Status?.IsTerminal, Is.False);
            Assert.That(step.ExpiredAt, Is.EqualTo(DateTimeOffset.FromUnixTimeSeconds(5)));
            Assert.That(step.Metadata!["a"], Is.EqualTo("b"));
            Assert.That(step.Details, Is.InstanceOf<UnknownRunStepDetails>());
            Assert.That(step.Details!.Type, Is.EqualTo("reasoning"));
        });
        JsonAssert.AreEquivalent(json, JsonSerializer.Serialize(step, AssistantsJsonContext.Default.RunStep));
    }

    [Test]
    public void RunStep_MessageCreation_ParsesMessageId()
    {
        const string json = """{"id":"step_4","created_at":1,"type":"message_creation","status":"completed","step_details":{"type":"message_creation","message_creation":{"message_id":"msg_1"}}}""";

        RunStep step = JsonSerializer.Deserialize(json, AssistantsJsonContext.Default.RunStep)!;

        Assert.That(step.Type, Is.EqualTo(RunStepType.MessageCreation));
        Assert.That(((RunStepMessageCreationDetails)step.Details!).MessageId, Is.EqualTo("msg_1"));
        JsonAssert.AreEquivalent(json, JsonSerializer.Serialize(step, AssistantsJsonContext.Default.RunStep));
    }

    [Test]
    public async Task ListAsync_WithEveryOption_SendsQueryAndKeepsIncludeOnEveryPage()
    {
        using Wire wire = new();
        string step = """{"id":"ID","object":"thread.run.step","created_at":1,"type":"message_creation","status":"completed","step_details":{"type":"message_creation","message_creation":{"message_id":"msg_1"}}}""";
        wire.Expect(HttpMethod.Get, "threads/thread_1/runs/run_1/steps?limit=2&order=desc&after=step_0&" + IncludeQuery, "{\"object\":\"list\",\"data\":[" + step.Replace("ID", "step_1") + "," + step.Replace("ID", "step_2") + "],\"first_id\":\"step_1\",\"last_id\":\"step_2\",\"has_more\":true}");
        wire.Expect(HttpMethod.Get, "threads/thread_1/runs/run_1/steps?limit=2&order=desc&after=step_2&" + IncludeQuery, "{\"object\":\"list\",\"data\":[" + step.Replace("ID", "step_3") + "],\"first_id\":\"step_3\",\"last_id\":\"step_3\",\"has_more\":false}");
        List<string> include = new() { RunStepInclude.FileSearchResultContent };

        IAsyncEnumerable<RunStep> steps = wire.Client.RunSteps.ListAsync("thread_1", "run_1", new RunStepCollectionOptions { Limit = 2, Order = ListOrder.Descending, After = "step_0", Include = include });
        include.Clear();
        List<RunStep> all = await steps.ToListAsync();

        Assert.That(all.Select(s => s.Id), Is.EqualTo(new[] { "step_1", "step_2", "step_3" }));
        Assert.That(wire.Requests.Select(r => r.Uri), Is.EqualTo(new[]
        {
            "https://api.test/v1/threads/thread_1/runs/run_1/steps?limit=2&order=desc&after=step_0&" + IncludeQuery,
            "https://api.test/v1/threads/thread_1/runs/run_1/steps?limit=2&order=desc&after=step_2&" + IncludeQuery,
        }));
    }

    [Test]
    public async Task ListAsync_WithBefore_SendsBefore()
    {
        using Wire wire = new();
        wire.Expect(HttpMethod.Get, "threads/thread_1/runs/run_1/steps?before=step_9", """{"object":"list","data":[],"first_id":null,"last_id":null,"has_more":false}""");

        List<RunStep> steps = await wire.Client.RunSteps.ListAsync("thread_1", "run_1", new RunStepCollectionOptions { Before = "step_9" }).ToListAsync();

        Assert.That(steps, Is.Empty);
        Assert.That(wire.Single.Uri, Is.EqualTo("https://api.test/v1/threads/thread_1/runs/run_1/steps?before=step_9"));
    }

    private static IEnumerable<TestCaseData> MissingIds()
    {
        foreach (string? id in new[] { null, string.Empty, " ", "." })
        {
            string label = id is null ? "null" : "'" + id + "'";
            yield return Case("GetAsync thread " + label, c => c.GetAsync(id!, "run_1", "step_1"), "threadId");
            yield return Case("GetAsync run " + label, c => c.GetAsync("thread_1", id!, "step_1"), "runId");
            yield return Case("GetAsync step " + label, c => c.GetAsync("thread_1", "run_1", id!), "stepId");
            yield return Case("ListAsync thread " + label, c => c.ListAsync(id!, "run_1").GetFirstPageAsync(), "threadId");
            yield return Case("ListAsync run " + label, c => c.ListAsync("thread_1", id!).GetFirstPageAsync(), "runId");
        }

        yield return Case("ListAsync limit 0", c => c.ListAsync("thread_1", "run_1", new RunStepCollectionOptions { Limit = 0 }).GetFirstPageAsync(), "options.Limit");
        yield return Case("ListAsync limit 101", c => c.ListAsync("thread_1", "run_1", new RunStepCollectionOptions { Limit = 101 }).GetFirstPageAsync(), "options.Limit");
        yield return Case("GetAsync empty include", c => c.GetAsync("thread_1", "run_1", "step_1", new RunStepRetrievalOptions { Include = new List<string> { string.Empty } }), "options.Include");

        static TestCaseData Case(string name, Func<RunStepsClient, Task> call, string parameter)
            => new TestCaseData(call, parameter).SetName("BadInput_ThrowsBeforeSending(" + name + ")");
    }

    [TestCaseSource(nameof(MissingIds))]
    public void Operation_WithBadInput_ThrowsBeforeSending(Func<RunStepsClient, Task> call, string parameter)
    {
        using Wire wire = new();

        ArgumentException? error = Assert.ThrowsAsync(Is.InstanceOf<ArgumentException>(), () => call(wire.Client.RunSteps)) as ArgumentException;

        Assert.That(error!.ParamName, Is.EqualTo(parameter));
        Assert.That(wire.Requests, Is.Empty);
    }
}
