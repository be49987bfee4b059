using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Assistants.Client.Serialization;

/// <summary>
/// Reads a <see cref="ThreadRun"/> by hand (run calls, run events when read): the scalar fields one by one, the
/// token usage by hand, <c>"metadata":{}</c> as the shared empty instance, the nested objects (tools, tool resources,
/// required action, truncation strategy...) through their own metadata, unknown properties kept. See
/// <see cref="HandReadConverter{T}"/> for when it gives up.
/// </summary>
internal sealed class ThreadRunConverter : HandReadConverter<ThreadRun>
{
    private static readonly RunStatusConverter s_status = new();

    // Values the runs of one stream or one poll repeat, per thread (see ModelReader.TryRepeatedString).
    [ThreadStatic]
    private static string? s_objectName;
    [ThreadStatic]
    private static string? s_threadId;
    [ThreadStatic]
    private static string? s_assistantId;
    [ThreadStatic]
    private static string? s_model;

    protected override JsonTypeInfo<ThreadRun> Fallback => FallbackJson.ThreadRun;

    protected override ThreadRun? TryRead(ref Utf8JsonReader reader, JsonSerializerOptions options)
    {
        string? id = null, objectName = null, threadId = null, assistantId = null, model = null, instructions = null, reasoningEffort = null;
        DateTimeOffset? createdAt = null, expiresAt = null, startedAt = null, cancelledAt = null, failedAt = null, completedAt = null;
        RunStatus? status = null;
        RunRequiredAction? requiredAction = null;
        RunError? lastError = null;
        RunIncompleteDetails? incompleteDetails = null;
        IReadOnlyList<ToolDefinition>? tools = null;
        ToolResources? toolResources = null;
        IReadOnlyDictionary<string, string>? metadata = null;
        RunTokenUsage? usage = null;
        double? temperature = null, topP = null;
        int? maxPromptTokens = null, maxCompletionTokens = null;
        RunTruncationStrategy? truncationStrategy = null;
        ToolChoice? toolChoice = null;
        bool? parallelToolCalls = null;
        AssistantResponseFormat? responseFormat = null;
        Dictionary<string, JsonElement>? extra = null;
        ulong seen = 0;

        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            int field = Field(ref reader);
            string? name = field < 0 ? reader.GetString() : null;
            if (!reader.Read() || (field >= 0 && !ModelReader.FirstTime(ref seen, field)))
            {
                return null;
            }

            bool ok = field switch
            {
                0 => ModelReader.TryString(ref reader, out id),
                1 => ModelReader.TryRepeatedString(ref reader, ref s_objectName, out objectName),
                2 => ModelReader.TryTimestamp(ref reader, out createdAt),
                3 => ModelReader.TryRepeatedString(ref reader, ref s_threadId, out threadId),
                4 => ModelReader.TryRepeatedString(ref reader, ref s_assistantId, out assistantId),
                5 => ModelReader.TryEnum(ref reader, s_status, options, out status),
                6 => ModelReader.TryNested(ref reader, options, out requiredAction),
                7 => ModelReader.TryNested(ref reader, options, out lastError),
                8 => ModelReader.TryTimestamp(ref reader, out expiresAt),
                9 => ModelReader.TryTimestamp(ref reader, out startedAt),
                10 => ModelReader.TryTimestamp(ref reader, out cancelledAt),
                11 => ModelReader.TryTimestamp(ref reader, out failedAt),
                12 => ModelReader.TryTimestamp(ref reader, out completedAt),
                13 => ModelReader.TryNested(ref reader, options, out incompleteDetails),
                14 => ModelReader.TryRepeatedString(ref reader, ref s_model, out model),
                15 => ModelReader.TryString(ref reader, out instructions),
                16 => ToolsReader.TryTools(ref reader, options, out tools),
                17 => ToolsReader.TryToolResources(ref reader, options, out toolResources),
                18 => ModelReader.TryMetadata(ref reader, out metadata),
                19 => TryUsage(ref reader, options, out usage),
                20 => ModelReader.TryDouble(ref reader, out temperature),
                21 => ModelReader.TryDouble(ref reader, out topP),
                22 => ModelReader.TryString(ref reader, out reasoningEffort),
                23 => ModelReader.TryInt32(ref reader, out maxPromptTokens),
                24 => ModelReader.TryInt32(ref reader, out maxCompletionTokens),
                25 => ModelReader.TryNested(ref reader, options, out truncationStrategy),
                26 => ModelReader.TryNested(ref reader, options, out toolChoice),
                27 => ModelReader.TryBoolean(ref reader, out parallelToolCalls),
                28 => ModelReader.TryNested(ref reader, options, out responseFormat),
                _ => ModelReader.TryAddExtra(ref reader, name!, ref extra),
            };
            if (!ok)
            {
                return null;
            }
        }

        return new ThreadRun
        {
            WireId = id,
            Object = objectName,
            CreatedAt = createdAt,
            ThreadId = threadId,
            AssistantId = assistantId,
            Status = status,
            RequiredAction = requiredAction,
            LastError = lastError,
            ExpiresAt = expiresAt,
            StartedAt = startedAt,
            CancelledAt = cancelledAt,
            FailedAt = failedAt,
            CompletedAt = completedAt,
            IncompleteDetails = incompleteDetails,
            Model = model,
            Instructions = instructions,
            Tools = tools,
            ToolResources = toolResources,
            Metadata = metadata,
            Usage = usage,
            Temperature = temperature,
            TopP = topP,
            ReasoningEffort = reasoningEffort,
            MaxPromptTokens = maxPromptTokens,
            MaxCompletionTokens = maxCompletionTokens,
            TruncationStrategy = truncationStrategy,
            ToolChoice = toolChoice,
            ParallelToolCalls = parallelToolCalls,
            ResponseFormat = responseFormat,
            AdditionalProperties = extra,
        };
    }

    private static int Field(ref Utf8JsonReader reader)
        => reader.ValueTextEquals("id"u8) ? 0
        : reader.ValueTextEquals("object"u8) ? 1
        : reader.ValueTextEquals("created_at"u8) ? 2
        : reader.ValueTextEquals("thread_id"u8) ? 3
        : reader.ValueTextEquals("assistant_id"u8) ? 4
        : reader.ValueTextEquals("status"u8) ? 5
        : reader.ValueTextEquals("required_action"u8) ? 6
        : reader.ValueTextEquals("last_error"u8) ? 7
        : reader.ValueTextEquals("expires_at"u8) ? 8
        : reader.ValueTextEquals("started_at"u8) ? 9
        : reader.ValueTextEquals("cancelled_at"u8) ? 10
        : reader.ValueTextEquals("failed_at"u8) ? 11
        : reader.ValueTextEquals("completed_at"u8) ? 12
        : reader.ValueTextEquals("incomplete_details"u8) ? 13
        : reader.ValueTextEquals("model"u8) ? 14
        : reader.ValueTextEquals("instructions"u8) ? 15
        : reader.ValueTextEquals("tools"u8) ? 16
        : reader.ValueTextEquals("tool_resources"u8) ? 17
        : reader.ValueTextEquals("metadata"u8) ? 18
        : reader.ValueTextEquals("usage"u8) ? 19
        : reader.ValueTextEquals("temperature"u8) ? 20
        : reader.ValueTextEquals("top_p"u8) ? 21
        : reader.ValueTextEquals("reasoning_effort"u8) ? 22
        : reader.ValueTextEquals("max_prompt_tokens"u8) ? 23
        : reader.ValueTextEquals("max_completion_tokens"u8) ? 24
        : reader.ValueTextEquals("truncation_strategy"u8) ? 25
        : reader.ValueTextEquals("tool_choice"u8) ? 26
        : reader.ValueTextEquals("parallel_tool_calls"u8) ? 27
        : reader.ValueTextEquals("response_format"u8) ? 28
        : -1;

    /// <summary>The usage object with its three counts only (the common shape); anything more goes through the serializer.</summary>
    private static bool TryUsage(ref Utf8JsonReader reader, JsonSerializerOptions options, out RunTokenUsage? value)
    {
        if (reader.TokenType == JsonTokenType.StartObject)
        {
            Utf8JsonReader probe = reader;
            int? prompt = null, completion = null, total = null;
            ulong seen = 0;
            bool plain = true;
            while (plain && probe.Read() && probe.TokenType == JsonTokenType.PropertyName)
            {
                int field = probe.ValueTextEquals("prompt_tokens"u8) ? 0 : probe.ValueTextEquals("completion_tokens"u8) ? 1 : probe.ValueTextEquals("total_tokens"u8) ? 2 : -1;
                int? number = null;
                plain = field >= 0 && ModelReader.FirstTime(ref seen, field) && probe.Read() && ModelReader.TryInt32(ref probe, out number);
                if (field == 0)
                {
                    prompt = number;
                }
                else if (field == 1)
                {
                    completion = number;
                }
                else
                {
                    total = number;
                }
            }

            if (plain && probe.TokenType == JsonTokenType.EndObject)
            {
                reader = probe;
                value = new RunTokenUsage { PromptTokens = prompt, CompletionTokens = completion, TotalTokens = total };
                return true;
            }
        }

        return ModelReader.TryNested(ref reader, options, out value);
    }
}
