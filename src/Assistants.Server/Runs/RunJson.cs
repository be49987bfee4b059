using System.Linq;
using System.Text.Json.Nodes;
using Assistants.Server.Json;
using Assistants.Server.Routing;

namespace Assistants.Server.Runs;

/// <summary>The wire shapes of runs, run steps and usage, in the field order the service writes.</summary>
internal static class RunJson
{
    public static JsonObject Run(string id, long createdAt, long expiresAt, string assistantId, string threadId, JsonObject settings) => new()
    {
        ["id"] = id,
        ["object"] = "thread.run",
        ["created_at"] = createdAt,
        ["assistant_id"] = assistantId,
        ["thread_id"] = threadId,
        ["status"] = RunStatus.Queued,
        ["started_at"] = null,
        ["expires_at"] = expiresAt,
        ["cancelled_at"] = null,
        ["failed_at"] = null,
        ["completed_at"] = null,
        ["required_action"] = null,
        ["last_error"] = null,
        ["model"] = settings["model"]?.DeepClone(),
        ["instructions"] = settings["instructions"]?.DeepClone(),
        ["tools"] = settings["tools"]?.DeepClone() ?? new JsonArray(),
        ["tool_resources"] = settings["tool_resources"]?.DeepClone() ?? new JsonObject(),
        ["metadata"] = settings["metadata"]?.DeepClone() ?? new JsonObject(),
        ["temperature"] = settings["temperature"]?.DeepClone() ?? JsonNodes.One(),
        ["top_p"] = settings["top_p"]?.DeepClone() ?? JsonNodes.One(),
        ["reasoning_effort"] = settings["reasoning_effort"]?.DeepClone(),
        ["max_completion_tokens"] = settings["max_completion_tokens"]?.DeepClone(),
        ["max_prompt_tokens"] = settings["max_prompt_tokens"]?.DeepClone(),
        ["truncation_strategy"] = settings["truncation_strategy"]?.DeepClone()
            ?? new JsonObject { ["type"] = "auto", ["last_messages"] = null },
        ["incomplete_details"] = null,
        ["usage"] = null,
        ["response_format"] = settings["response_format"]?.DeepClone() ?? "auto",
        ["tool_choice"] = settings["tool_choice"]?.DeepClone() ?? "auto",
        ["parallel_tool_calls"] = settings["parallel_tool_calls"]?.DeepClone() ?? true,
    };

    public static JsonObject Step(string id, long createdAt, RunRecord run, string type, JsonObject details) => new()
    {
        ["id"] = id,
        ["object"] = "thread.run.step",
        ["created_at"] = createdAt,
        ["run_id"] = run.Id,
        ["assistant_id"] = run.AssistantId,
        ["thread_id"] = run.ThreadId,
        ["type"] = type,
        ["status"] = RunStatus.InProgress,
        ["cancelled_at"] = null,
        ["completed_at"] = null,
        ["expires_at"] = run.Json["expires_at"]?.DeepClone(),
        ["failed_at"] = null,
        ["last_error"] = null,
        ["step_details"] = details,
        ["usage"] = null,
    };

    /// <summary>The <c>include[]</c> value that asks for the content of file search results.</summary>
    public const string SearchContentInclude = "step_details.tool_calls[*].file_search.results[*].content";

    public static bool IncludesSearchContent(ApiRequest request) =>
        request.Query("include[]")?.Split(',').Contains(SearchContentInclude) == true;

    /// <summary>A step as answered: file search results lose their <c>content</c> unless it was asked for.</summary>
    public static JsonObject StepView(JsonObject step, bool includeSearchContent)
    {
        if (includeSearchContent || step["step_details"]?["tool_calls"] is not JsonArray calls
            || !calls.Any(call => (string?)call?["type"] == "file_search"))
        {
            return step;
        }

        var copy = (JsonObject)step.DeepClone();
        foreach (JsonNode? call in (JsonArray)copy["step_details"]!["tool_calls"]!)
        {
            foreach (JsonObject result in (call?["file_search"]?["results"] as JsonArray ?? []).OfType<JsonObject>())
            {
                result.Remove("content");
            }
        }

        return copy;
    }

    public static JsonObject Usage(long prompt, long completion) => new()
    {
        ["prompt_tokens"] = prompt,
        ["completion_tokens"] = completion,
        ["total_tokens"] = prompt + completion,
        ["prompt_token_details"] = new JsonObject { ["cached_tokens"] = 0 },
        ["completion_tokens_details"] = new JsonObject { ["reasoning_tokens"] = 0 },
    };

    public static JsonObject Error(string code, string message) => new() { ["code"] = code, ["message"] = message };
}
