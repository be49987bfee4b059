using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using Assistants.Server.Errors;
using Assistants.Server.Model;
using Assistants.Server.Storage;
using Assistants.Server.Telemetry;
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
        bool turnEnded = false;
        RunPassTelemetry telemetry = RunPassTelemetry.Start(run);
        try
        {
            await startDelay.ConfigureAwait(false);

            using (run.Gate.Enter())
            {
                if (run.Detached || ExpireIfDue(run) || run.Status != RunStatus.Queued)
                {
                    return;
                }

                run.Status = RunStatus.InProgress;
                run.Json["started_at"] = state.Now();
                Commit(run, EmitRun(run, "thread.run.in_progress"));
                if (!run.IsActive)
                {
                    return;
                }
            }

            await SearchFilesAsync(run, cancellationToken).ConfigureAwait(false);
            // The thread takes no new messages while the run is active: one listing serves the images and the prompt.
            IReadOnlyList<StoredDoc> threadMessages = state.Docs.List(DocKinds.Message, run.ThreadId);
            IReadOnlyDictionary<string, DataContent> images = await PromptImages.LoadAsync(state.Docs, threadMessages, cancellationToken).ConfigureAwait(false);
            List<ChatMessage> prompt;
            ChatOptions chatOptions;
            using (run.Gate.Enter())
            {
                if (run.Detached || run.Status != RunStatus.InProgress)
                {
                    return;
                }

                prompt = PromptBuilder.BuildMessages(run, threadMessages, images);
                chatOptions = PromptBuilder.BuildOptions(run);
                AddCodeInterpreter(run, chatOptions);
                if (run.Json["max_prompt_tokens"] is JsonValue maxPrompt && PromptBuilder.EstimateTokens(prompt) > maxPrompt.GetValue<long>())
                {
                    Incomplete(run, "max_prompt_tokens");
                }

                // Building the prompt changes nothing else: the run is written only when it ended here.
                if (run.HasChanges || !run.IsActive)
                {
                    Commit(run);
                }

                if (!run.IsActive)
                {
                    return;
                }
            }

            await TurnAsync(run, prompt, chatOptions, cancellationToken).ConfigureAwait(false);
            turnEnded = true;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            using (run.Gate.Enter())
            {
                if (run.Status == RunStatus.Cancelling && !run.Detached)
                {
                    Cancelled(run);
                    Commit(run);
                }
            }
        }
#pragma warning disable CA1031 // Any model failure becomes the run's last_error, as on the real service.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            using (run.Gate.Enter())
            {
                if (run.IsActive && !run.Detached)
                {
                    Fail(run, "server_error", ServerFailures.ModelFailed(_logger, exception, run.Id, ServerState.NewRequestId()));
                    Commit(run);
                }
            }
        }
        finally
        {
            using (run.Gate.Enter())
            {
                run.Processing = false;
                bool cancelled = run.Status == RunStatus.Cancelling && !run.Detached;
                if (cancelled)
                {
                    Cancelled(run);
                }

                CloseEvents(run);

                // A turn that ended normally wrote the run before leaving the gate, as did every command since.
                if (turnEnded && !cancelled && !run.HasChanges)
                {
                    Settle(run);
                }
                else
                {
                    Commit(run);
                }
                telemetry.End(run);
            }
        }
    }

    private async Task TurnAsync(RunRecord run, List<ChatMessage> prompt, ChatOptions chatOptions, CancellationToken cancellationToken)
    {
        var turn = new TurnState(run, state);
        UsageDetails usage = new();
        ChatFinishReason? finish = null;
        ChatTelemetry chat = ChatTelemetry.Start(model, (string?)run.Json["model"]);
        try
        {
            await foreach (ChatResponseUpdate update in model.GetStreamingResponseAsync(prompt, chatOptions, cancellationToken).ConfigureAwait(false))
            {
                finish = update.FinishReason ?? finish;
                foreach (AIContent content in update.Contents)
                {
                    switch (content)
                    {
                        case TextContent text when !string.IsNullOrEmpty(text.Text):
                            using (run.Gate.Enter())
                            {
                                if (run.Status == RunStatus.InProgress)
                                {
                                    // Text changes the run's message and step (created with the first chunk), never the run.
                                    turn.AppendText(text.Text);
                                    if (run.HasChanges && !run.Detached)
                                    {
                                        state.Docs.Save(run.TakeChanges(includeRun: false));
                                    }
                                }
                            }

                            break;
                        case FunctionCallContent call:
                            using (run.Gate.Enter())
                            {
                                if (run.Status == RunStatus.InProgress)
                                {
                                    turn.AddCall(call.CallId, call.Name, SerializeArguments(call.Arguments));
                                    CommitIfChanged(run);
                                }
                            }

                            break;
                        case CodeInterpreterToolCallContent code:
                            OnCodeCall(run, turn, code);
                            break;
                        case CodeInterpreterToolResultContent result:
                            await OnCodeResultAsync(run, turn, result, cancellationToken).ConfigureAwait(false);
                            break;
                        case UsageContent usageContent:
                            usage.Add(usageContent.Details);
                            break;
                        default:
                            break;
                    }
                }
            }
        }
        catch (Exception exception) when (chat.Fail(exception))
        {
            throw;
        }

        if (chat.IsEnabled)
        {
            chat.End(usage.InputTokenCount ?? PromptBuilder.EstimateTokens(prompt), usage.OutputTokenCount ?? turn.EstimatedOutputTokens, null);
        }

        cancellationToken.ThrowIfCancellationRequested();
        using (run.Gate.Enter())
        {
            if (run.Status != RunStatus.InProgress || run.Detached)
            {
                return;
            }

            long promptTokens = usage.InputTokenCount ?? PromptBuilder.EstimateTokens(prompt);
            long completionTokens = usage.OutputTokenCount ?? turn.EstimatedOutputTokens;
            run.PromptTokens += promptTokens;
            run.CompletionTokens += completionTokens;
            JsonObject stepUsage = RunJson.Usage(promptTokens, completionTokens);
            bool truncated = finish == ChatFinishReason.Length;
            byte[]? written = null;
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
                written = Complete(run);
            }

            Commit(run, written);
        }
    }

    private void CommitIfChanged(RunRecord run)
    {
        if (run.HasChanges)
        {
            Commit(run);
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
