using System.Collections.Generic;
using System.Net.Http;
using System.Text.Json;
using Assistants.Client.Internal;
using Assistants.Client.Serialization;

namespace Assistants.Client;

/// <summary>
/// The request builders of the run operations that can stream. The JSON call and the streaming call of an
/// operation build their request here, with <c>stream</c> the only difference, so arguments are checked and
/// bodies written in one place.
/// </summary>
public partial class RunsClient
{
    internal static string RunsPath(string threadId) => "threads/" + PathSegment.Escape(threadId) + "/runs";

    internal static string RunPath(string threadId, string runId) => RunsPath(threadId) + "/" + PathSegment.Escape(runId);

    /// <summary>Checks and copies <c>include[]</c> values, so that later changes to the caller's list do not reach later pages.</summary>
    internal static string[]? IncludeValues(IList<string>? include, string name)
    {
        if (include is null || include.Count == 0)
        {
            return null;
        }

        string[] values = new string[include.Count];
        include.CopyTo(values, 0);
        foreach (string value in values)
        {
            Argument.NotNullOrEmpty(value, name);
        }

        return values;
    }

    internal static QueryBuilder? IncludeQuery(IList<string>? include, string name)
        => IncludeValues(include, name) is { } values ? new QueryBuilder().AddAll("include[]", values) : null;

    /// <summary>POST /threads/{thread_id}/runs: <c>assistant_id</c>, then the options, then <c>stream</c>.</summary>
    internal HttpRequestMessage BuildCreateRunRequest(string threadId, string assistantId, RunCreationOptions? options, bool stream)
    {
        Argument.Id(threadId, nameof(threadId));
        Argument.Id(assistantId, nameof(assistantId));
        if (options?.ToolResources is not null)
        {
            throw new System.ArgumentException(
                "A run on an existing thread does not accept tool_resources; set them on the thread or the assistant, or use CreateThreadAndRunAsync.",
                "options.ToolResources");
        }

        OptionsValidation.Run(options, nameof(options));

        QueryBuilder? query = IncludeQuery(options?.Include, "options.Include");
        HttpContent content = RequestBody.Create(options, AssistantsJsonContext.Default.RunCreationOptions, w =>
        {
            w.WriteString("assistant_id", assistantId);
            WriteStream(w, stream);
        });
        return _pipeline.CreateRequest(stream ? ApiOperations.CreateRunStream : ApiOperations.CreateRun, RunsPath(threadId), query, content);
    }

    /// <summary>POST /threads/runs: <c>assistant_id</c>, <c>thread</c>, then the run options the spec allows there.</summary>
    internal HttpRequestMessage BuildCreateThreadAndRunRequest(string assistantId, ThreadCreationOptions? threadOptions, RunCreationOptions? runOptions, bool stream)
    {
        Argument.Id(assistantId, nameof(assistantId));
        OptionsValidation.Thread(threadOptions, nameof(threadOptions));
        if (runOptions is not null)
        {
            RejectOnThreadAndRun(runOptions.AdditionalInstructions is not null, "runOptions.AdditionalInstructions", "additional_instructions");
            RejectOnThreadAndRun(runOptions.AdditionalMessages is not null, "runOptions.AdditionalMessages", "additional_messages");
            RejectOnThreadAndRun(runOptions.Include is { Count: > 0 }, "runOptions.Include", "include[]");
        }

        OptionsValidation.Run(runOptions, nameof(runOptions));

        HttpContent content = RequestBody.Create(runOptions, AssistantsJsonContext.Default.RunCreationOptions, w =>
        {
            w.WriteString("assistant_id", assistantId);
            if (threadOptions is not null)
            {
                w.WritePropertyName("thread");
                JsonSerializer.Serialize(w, threadOptions, AssistantsJsonContext.Default.ThreadCreationOptions);
            }

            WriteStream(w, stream);
        });
        return _pipeline.CreateRequest(stream ? ApiOperations.CreateThreadAndRunStream : ApiOperations.CreateThreadAndRun, "threads/runs", null, content);
    }

    /// <summary>POST /threads/{thread_id}/runs/{run_id}/submit_tool_outputs: <c>tool_outputs</c>, then <c>stream</c>.</summary>
    internal HttpRequestMessage BuildSubmitToolOutputsRequest(string threadId, string runId, IEnumerable<ToolOutput> toolOutputs, bool stream)
    {
        Argument.Id(threadId, nameof(threadId));
        Argument.Id(runId, nameof(runId));
        Argument.NotNull(toolOutputs, nameof(toolOutputs));
        List<ToolOutput> outputs = new(toolOutputs);
        foreach (ToolOutput? output in outputs)
        {
            if (output is null || string.IsNullOrEmpty(output.ToolCallId))
            {
                throw new System.ArgumentException("Every tool output needs the ToolCallId of the call it answers.", nameof(toolOutputs));
            }
        }

        HttpContent content = ClientPipeline.JsonContent(new SubmitToolOutputsRequest(outputs, stream), AssistantsJsonContext.Default.SubmitToolOutputsRequest);
        return _pipeline.CreateRequest(stream ? ApiOperations.SubmitToolOutputsStream : ApiOperations.SubmitToolOutputs, RunPath(threadId, runId) + "/submit_tool_outputs", null, content);
    }

    private static void WriteStream(Utf8JsonWriter writer, bool stream)
    {
        if (stream)
        {
            writer.WriteBoolean("stream", true);
        }
    }

    private static void RejectOnThreadAndRun(bool isSet, string name, string wireName)
    {
        if (isSet)
        {
            throw new System.ArgumentException(
                $"Create thread and run does not accept {wireName}; put the messages in the thread options, or create the thread first and use CreateAsync.",
                name);
        }
    }
}
