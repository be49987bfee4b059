using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using Assistants.Server.Endpoints;
using Assistants.Server.Search;
using Assistants.Server.Storage;

namespace Assistants.Server.Runs;

/// <summary>
/// The file_search tool, executed by the server as the service did: before the model's first turn, the thread's
/// last user message is searched in the vector stores of the run (its tool resources, from the assistant) and of
/// the thread; the search is reported as a <c>tool_calls</c> step with one <c>file_search</c> call (its delta with
/// <c>"results": []</c>, its completion with the results), and the results go to the model as context.
/// </summary>
internal sealed partial class RunEngine
{
    /// <summary>How many results the model gets when the tool does not say (the service's default for GPT-4 models).</summary>
    private const int DefaultMaxResults = 20;

    /// <summary>How long a run waits for its thread's vector stores to finish indexing (the service's fallback wait).</summary>
    private static readonly System.TimeSpan s_threadIndexingWait = System.TimeSpan.FromSeconds(60);

    private async Task SearchFilesAsync(RunRecord run, CancellationToken cancellationToken)
    {
        await WaitForThreadIndexingAsync(run, cancellationToken).ConfigureAwait(false);
        JsonObject? tool;
        List<string> storeIds;
        string query;
        JsonObject step;
        string callId;
        JsonObject rankingOptions;
        using (run.Gate.Enter())
        {
            tool = (run.Json["tools"] as JsonArray ?? []).OfType<JsonObject>().FirstOrDefault(item => (string?)item["type"] == "file_search");
            if (tool is null || run.FileSearch is not null || run.Status != RunStatus.InProgress || run.Detached)
            {
                return;
            }

            storeIds = VectorStoreIds(run);
            query = LastUserText(run.ThreadId);
            if (storeIds.Count == 0 || query.Length == 0)
            {
                return;
            }

            JsonObject? options = tool["file_search"]?["ranking_options"] as JsonObject;
            rankingOptions = new JsonObject
            {
                ["ranker"] = (string?)options?["ranker"] ?? "default_2024_08_21",
                ["score_threshold"] = options?["score_threshold"]?.DeepClone() ?? JsonNode.Parse("0.0"),
            };
            step = RunJson.Step(state.NewId("step_"), state.Now(), run, "tool_calls", new JsonObject { ["type"] = "tool_calls", ["tool_calls"] = new JsonArray() });
            run.Steps.Add(step);
            run.StepChanged(step);
            Emit(run, "thread.run.step.created", step);
            Emit(run, "thread.run.step.in_progress", step);
            callId = state.NewId("call_");
            Emit(run, "thread.run.step.delta", new JsonObject
            {
                ["id"] = (string)step["id"]!,
                ["object"] = "thread.run.step.delta",
                ["delta"] = new JsonObject
                {
                    ["step_details"] = new JsonObject
                    {
                        ["type"] = "tool_calls",
                        ["tool_calls"] = new JsonArray(Call(callId, rankingOptions, [], index: 0)),
                    },
                },
            });
            Commit(run);
        }

        double threshold = VectorStoreSearchEndpoint.RankingThreshold(rankingOptions, "ranking_options");
        int max = (int?)(tool["file_search"]?["max_num_results"] as JsonValue)?.GetValue<long>() ?? DefaultMaxResults;
        List<SearchHit> hits = await search.SearchAsync(storeIds, [query], null, max, threshold, cancellationToken).ConfigureAwait(false);
        using (run.Gate.Enter())
        {
            if (run.Status != RunStatus.InProgress || run.Detached)
            {
                return;
            }

            JsonArray results = [.. hits.Select(hit => (JsonNode)new JsonObject
            {
                ["file_id"] = hit.FileId,
                ["file_name"] = hit.FileName,
                ["score"] = hit.Score,
                ["attributes"] = hit.Attributes.DeepClone(),
                ["content"] = new JsonArray(new JsonObject { ["type"] = "text", ["text"] = hit.Text }),
            })];
            step["step_details"]!["tool_calls"] = new JsonArray(Call(callId, rankingOptions, results, index: null));
            step["status"] = "completed";
            step["completed_at"] = state.Now();
            step["usage"] = RunJson.Usage(0, 0);
            run.StepChanged(step);
            Emit(run, "thread.run.step.completed", RunJson.StepView(step, run.IncludeSearchContent));
            run.FileSearch = new FileSearchContext(query, hits);
            Commit(run);
        }
    }

    /// <summary>
    /// As the service does, a run with <c>file_search</c> waits (until a minute after it started) while files of its thread's vector
    /// stores are still <c>in_progress</c>, so files attached with the run's messages are searchable; the assistant's
    /// stores are not waited for. The search itself reads only <c>completed</c> files.
    /// </summary>
    private async Task WaitForThreadIndexingAsync(RunRecord run, CancellationToken cancellationToken)
    {
        List<string> storeIds;
        System.DateTimeOffset deadline;
        using (run.Gate.Enter())
        {
            if (run.Status != RunStatus.InProgress || run.Detached || run.FileSearch is not null
                || !(run.Json["tools"] as JsonArray ?? []).Any(tool => (string?)tool?["type"] == "file_search"))
            {
                return;
            }

            storeIds = StoreIds(state.Docs.Find(DocKinds.Thread, DocKinds.Root, run.ThreadId)?.Json["tool_resources"]);
            deadline = System.DateTimeOffset.FromUnixTimeSeconds((long?)run.Json["started_at"] ?? state.Now()) + s_threadIndexingWait;
        }

        while (true)
        {
            Task next = indexer.NextFileDone; // taken before looking, so a file finished meanwhile is not missed
            System.TimeSpan left = deadline - options.TimeProvider.GetUtcNow();
            if (left <= System.TimeSpan.Zero || !storeIds.Any(id => state.Docs.List(DocKinds.VectorStoreFile, id).Any(file => (string?)file.Json["status"] == "in_progress")))
            {
                return;
            }

            try
            {
                await next.WaitAsync(left, options.TimeProvider, cancellationToken).ConfigureAwait(false);
            }
            catch (System.TimeoutException)
            {
                return;
            }
        }
    }

    private static JsonObject Call(string callId, JsonObject rankingOptions, JsonArray results, int? index)
    {
        var call = new JsonObject();
        if (index is int i)
        {
            call["index"] = i;
        }

        call["id"] = callId;
        call["type"] = "file_search";
        call["file_search"] = new JsonObject { ["ranking_options"] = rankingOptions.DeepClone(), ["results"] = results };
        return call;
    }

    /// <summary>The vector stores the run searches: the run's tool resources (the assistant's) and the thread's.</summary>
    private List<string> VectorStoreIds(RunRecord run)
    {
        JsonObject? thread = state.Docs.Find(DocKinds.Thread, DocKinds.Root, run.ThreadId)?.Json;
        return [.. StoreIds(run.Json["tool_resources"]).Concat(StoreIds(thread?["tool_resources"])).Distinct()];
    }

    private static List<string> StoreIds(JsonNode? resources) =>
        [.. (resources?["file_search"]?["vector_store_ids"] as JsonArray ?? []).Select(node => (string?)node).OfType<string>()];

    private string LastUserText(string threadId)
    {
        JsonObject? message = state.Docs.List(DocKinds.Message, threadId).Select(doc => doc.Json).LastOrDefault(json => (string?)json["role"] == "user");
        return message is null ? "" : string.Concat((message["content"] as JsonArray ?? []).OfType<JsonObject>()
            .Where(part => (string?)part["type"] == "text")
            .Select(part => (string?)part["text"]?["value"])).Trim();
    }
}
