using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using Assistants.Server.Errors;
using Assistants.Server.Model;
using Assistants.Server.Storage;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Assistants.Server.Runs;

/// <summary>The worker side: one model turn per pass, from <c>queued</c> to a terminal status or <c>requires_action</c>.</summary>
internal sealed partial class RunEngine
{
    private static readonly JsonSerializerOptions s_compact = new(AIJsonUtilities.DefaultOptions) { WriteIndented = false };
    private readonly ILogger _logger = options.LoggerFactory?.CreateLogger<RunEngine>() ?? NullLogger<RunEngine>.Instance;

    private async Task ProcessAsync(RunRecord run, Task startDelay)
    {
        CancellationToken cancellationToken = run.Cancellation.Token;
        try
        {
            await startDelay.ConfigureAwait(false);

            List<ChatMessage> prompt;
            ChatOptions chatOptions;
            lock (store.Gate)
            {
                if (ExpireIfDue(run) || run.Status != RunStatus.Queued)
                {
                    return;
                }

                run.Status = RunStatus.InProgress;
                run.Json["started_at"] = store.Now();
                Emit(run, "thread.run.in_progress", run.Json);
                string? unsupported = (run.Json["tools"] as JsonArray ?? []).Select(tool => (string?)tool?["type"])
                    .FirstOrDefault(type => type is "code_interpreter" or "file_search");
                if (unsupported is not null)
                {
                    Fail(run, "server_error", $"The '{unsupported}' tool is not supported by the embedded Assistants.Server; only function tools are.");
                    return;
                }

                prompt = PromptBuilder.BuildMessages(run);
                chatOptions = PromptBuilder.BuildOptions(run);
                if (run.Json["max_prompt_tokens"] is JsonValue maxPrompt && PromptBuilder.EstimateTokens(prompt) > maxPrompt.GetValue<long>())
                {
                    Incomplete(run, "max_prompt_tokens");
                    return;
                }
            }

            await TurnAsync(run, prompt, chatOptions, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            lock (store.Gate)
            {
                if (run.Status == RunStatus.Cancelling)
                {
                    Cancelled(run);
                }
            }
        }
#pragma warning disable CA1031 // Any model failure becomes the run's last_error, as on the real service.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            lock (store.Gate)
            {
                if (run.IsActive)
                {
                    Fail(run, "server_error", ServerFailures.ModelFailed(_logger, exception, run.Id, ServerStore.NewRequestId()));
                }
            }
        }
        finally
        {
            lock (store.Gate)
            {
                run.Processing = false;
                if (run.Status == RunStatus.Cancelling)
                {
                    Cancelled(run);
                }

                CloseEvents(run);
            }
        }
    }

    private async Task TurnAsync(RunRecord run, List<ChatMessage> prompt, ChatOptions chatOptions, CancellationToken cancellationToken)
    {
        var turn = new TurnState(run, store);
        UsageDetails usage = new();
        ChatFinishReason? finish = null;
        await foreach (ChatResponseUpdate update in model.GetStreamingResponseAsync(prompt, chatOptions, cancellationToken).ConfigureAwait(false))
        {
            finish = update.FinishReason ?? finish;
            foreach (AIContent content in update.Contents)
            {
                switch (content)
                {
                    case TextContent text when !string.IsNullOrEmpty(text.Text):
                        lock (store.Gate)
                        {
                            turn.AppendText(text.Text);
                        }

                        break;
                    case FunctionCallContent call:
                        lock (store.Gate)
                        {
                            turn.AddCall(call.CallId, call.Name, SerializeArguments(call.Arguments));
                        }

                        break;
                    case UsageContent usageContent:
                        usage.Add(usageContent.Details);
                        break;
                    default:
                        break;
                }
            }
        }

        cancellationToken.ThrowIfCancellationRequested();
        lock (store.Gate)
        {
            if (run.Status != RunStatus.InProgress)
            {
                return;
            }

            long promptTokens = usage.InputTokenCount ?? PromptBuilder.EstimateTokens(prompt);
            long completionTokens = usage.OutputTokenCount ?? turn.EstimatedOutputTokens;
            run.PromptTokens += promptTokens;
            run.CompletionTokens += completionTokens;
            JsonObject stepUsage = RunJson.Usage(promptTokens, completionTokens);
            bool truncated = finish == ChatFinishReason.Length;
            turn.FinishMessage(truncated, stepUsage);
            if (truncated)
            {
                Incomplete(run, "max_completion_tokens");
            }
            else if (turn.RequireAction(stepUsage))
            {
                Emit(run, "thread.run.requires_action", run.Json);
            }
            else
            {
                Complete(run);
            }
        }
    }

    private static string SerializeArguments(IDictionary<string, object?>? arguments) =>
        arguments is null ? "{}" : JsonSerializer.Serialize(arguments, s_compact.GetTypeInfo(typeof(IDictionary<string, object?>)));

    private static Dictionary<string, object?>? ParseArguments(string? json)
    {
        try
        {
            return string.IsNullOrEmpty(json) ? null
                : (Dictionary<string, object?>?)JsonSerializer.Deserialize(json, AIJsonUtilities.DefaultOptions.GetTypeInfo(typeof(Dictionary<string, object?>)));
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
