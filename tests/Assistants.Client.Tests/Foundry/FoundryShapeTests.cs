using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Assistants.Client.Tests.Streaming;
using NUnit.Framework;
using static Assistants.Client.Tests.Streaming.StreamTestHelpers;

namespace Assistants.Client.Tests.Foundry;

/// <summary>
/// The Foundry-only shapes listed in <c>Recordings/foundry/README.md</c> ("Foundry wire facts observed"): extra tool
/// types, tool-call types, step types, keep-alives and unknown events. Each reaches the caller as an
/// <c>Unknown...</c> value with its raw JSON (never an exception) and is written back with zero loss. The shapes
/// the recordings themselves carry (<c>connected_agent</c> calls, <c>prompt_token_details</c>) are also replayed by
/// the recording tests; the others are built here from the README's description.
/// </summary>
[TestFixture]
public sealed class FoundryShapeTests
{
    private const string ConnectedAgentCall = """{"id":"call_1","type":"connected_agent","connected_agent":{"name":"stock","arguments":"{}","output":"42","run_id":"run_2","thread_id":"thread_2","assistant_id":"asst_2"}}""";
    private const string OpenApiCall = """{"id":"call_2","type":"openapi","function":{"name":"get_weather","arguments":"{\"city\":\"Oslo\"}","output":"rain"}}""";
    private const string McpCall = """{"id":"call_3","type":"mcp","arguments":"{}","name":"search","server_label":"learn","output":"found"}""";

    public static IEnumerable<TestCaseData> FoundryToolDefinitions()
    {
        yield return new TestCaseData("""{"type":"connected_agent","connected_agent":{"id":"asst_2","name":"stock","description":"prices"}}""").SetName("Tool connected_agent");
        yield return new TestCaseData("""{"type":"openapi","openapi":{"name":"weather","description":"d","spec":{"openapi":"3.0.0"},"auth":{"type":"anonymous","security_scheme":{}},"functions":[{"name":"get_weather"}]}}""").SetName("Tool openapi");
        yield return new TestCaseData("""{"type":"bing_grounding","bing_grounding":{"search_configurations":[{"connection_id":"c1","count":5}]}}""").SetName("Tool bing_grounding");
        yield return new TestCaseData("""{"type":"mcp","server_label":"learn","server_url":"https://learn.microsoft.com/api/mcp","allowed_tools":["search"]}""").SetName("Tool mcp");
        yield return new TestCaseData("""{"type":"azure_function","azure_function":{"function":{"name":"f"},"input_binding":{"type":"storage_queue"}}}""").SetName("Tool azure_function");
    }

    [TestCaseSource(nameof(FoundryToolDefinitions))]
    public void AssistantWithFoundryTool_ToolIsUnknownWithRawJson_WrittenBackUnchanged(string tool)
    {
        string json = """{"id":"asst_1","object":"assistant","created_at":1,"model":"gpt-4o","tools":[{"type":"function","function":{"name":"f","strict":false}},""" + tool + "]}";

        Assistant assistant = AssistantsJson.Deserialize<Assistant>(json)!;

        UnknownToolDefinition unknown = (UnknownToolDefinition)assistant.Tools![1];
        JsonAssert.AreEquivalent(tool, unknown.Raw.GetRawText());
        JsonAssert.AreEquivalent(json, AssistantsJson.Serialize(assistant));
    }

    [Test]
    public void StepWithFoundryToolCalls_CallsAreUnknownWithIdAndRawJson_WrittenBackUnchanged()
    {
        string json = """{"id":"step_1","object":"thread.run.step","created_at":1,"run_id":"run_1","thread_id":"thread_1","type":"tool_calls","status":"completed","step_details":{"type":"tool_calls","tool_calls":[""" + ConnectedAgentCall + "," + OpenApiCall + "," + McpCall + """]},"usage":{"prompt_tokens":10,"completion_tokens":2,"total_tokens":12,"prompt_token_details":{"cached_tokens":4}}}""";

        RunStep step = AssistantsJson.Deserialize<RunStep>(json)!;

        List<UnknownRunStepToolCall> calls = ((RunStepToolCallDetails)step.Details!).ToolCalls!.Cast<UnknownRunStepToolCall>().ToList();
        Assert.That(calls.Select(c => (c.Id, c.Type)), Is.EqualTo(new[] { ("call_1", "connected_agent"), ("call_2", "openapi"), ("call_3", "mcp") }));
        JsonAssert.AreEquivalent(McpCall, calls[2].Raw.GetRawText());
        Assert.That(step.Usage!.PromptTokenDetails!.CachedTokens, Is.EqualTo(4), "Foundry's prompt_token_details (singular 'token')");
        JsonAssert.AreEquivalent(json, AssistantsJson.Serialize(step));
    }

    [Test]
    public void ActivitiesStep_TypeKeptAndDetailsUnknownWithRawJson_WrittenBackUnchanged()
    {
        const string Details = """{"type":"activities","activities":[{"type":"mcp_list_tools","server_label":"learn","tools":{"search":{"description":"Search docs","parameters":{"type":"object"}}}}]}""";
        string json = """{"id":"step_2","object":"thread.run.step","created_at":1,"run_id":"run_1","thread_id":"thread_1","type":"activities","status":"completed","step_details":""" + Details + "}";

        RunStep step = AssistantsJson.Deserialize<RunStep>(json)!;

        Assert.That(step.Type, Is.EqualTo(new RunStepType("activities")));
        JsonAssert.AreEquivalent(Details, ((UnknownRunStepDetails)step.Details!).Raw.GetRawText());
        JsonAssert.AreEquivalent(json, AssistantsJson.Serialize(step));
    }

    [Test]
    public void RunWithPerRunMcpResourcesAndDataSources_WrittenBackUnchanged()
    {
        const string Json = """{"id":"run_1","object":"thread.run","created_at":1,"thread_id":"thread_1","assistant_id":"asst_1","status":"queued","tool_resources":{"mcp":[{"server_label":"learn","headers":{},"require_approval":"never"}],"code_interpreter":{"file_ids":[],"data_sources":[{"uri":"azureai://x","type":"uri_asset"}]}},"usage":{"prompt_tokens":1,"completion_tokens":1,"total_tokens":2,"prompt_token_details":{"cached_tokens":0}}}""";

        ThreadRun run = AssistantsJson.Deserialize<ThreadRun>(Json)!;

        Assert.That(run.Usage!.PromptTokenDetails!.CachedTokens, Is.Zero);
        JsonAssert.AreEquivalent(Json, AssistantsJson.Serialize(run));
    }

    [Test]
    public async Task FoundryStream_KeepAlivesUnknownEventsAndFoundryOnlyDeltas_ReachTheHandlerWithoutException()
    {
        const string McpDelta = """{"id":"step_1","object":"thread.run.step.delta","delta":{"step_details":{"type":"tool_calls","tool_calls":[{"index":0,"id":"call_3","type":"mcp","name":"search","server_label":"learn","arguments":"{}"}]}}}""";
        const string ActivitiesStep = """{"id":"step_2","object":"thread.run.step","created_at":1,"run_id":"run_1","thread_id":"thread_1","type":"activities","status":"completed","step_details":{"type":"activities","activities":[{"type":"mcp_list_tools","server_label":"learn","tools":{}}]}}""";
        string sse = ": keep-alive\n\n"
            + Event("thread.run.created", Run("queued"))
            + "event: keep-alive\ndata: \n\n"
            + "event: ping\ndata: ping\n\n"
            + Event("thread.run.step.completed", ActivitiesStep)
            + Event("thread.run.step.delta", McpDelta)
            + Event("thread.run.completed", Run("completed"))
            + Event("done", "[DONE]");

        List<StreamingUpdate> updates = await FromText(sse).ToListAsync();
        RecordingHandler handler = new();
        await handler.ConsumeAsync(FromText(sse));

        List<UnknownStreamingUpdate> unknown = updates.OfType<UnknownStreamingUpdate>().ToList();
        Assert.That(unknown.Select(u => (u.EventType.ToString(), u.RawData)), Is.EqualTo(new[] { ("keep-alive", ""), ("ping", "ping") }));
        UnknownRunStepToolCallDelta mcp = (UnknownRunStepToolCallDelta)((RunStepToolCallsDeltaDetails)updates.OfType<RunStepDeltaUpdate>().Single().Delta.Delta!.StepDetails!).ToolCalls!.Single();
        Assert.That(mcp.Raw.GetProperty("server_label").GetString(), Is.EqualTo("learn"));
        Assert.That(updates.OfType<RunStepUpdate>().Single().RunStep.Details, Is.InstanceOf<UnknownRunStepDetails>());
        Assert.That(handler.Calls, Does.Contain("unknown keep-alive").And.Contain("unknown ping").And.Contain("tool created call_3").And.Contain("end completed"));
        Assert.That(handler.FinalRun!.Status, Is.EqualTo(RunStatus.Completed));
    }
}
