using System.Collections.Generic;
using Microsoft.Extensions.AI;

namespace Assistants.Client.Internal;

/// <summary>
/// One run-stream event as a <see cref="ChatResponseUpdate"/> whose <see cref="ChatResponseUpdate.RawRepresentation"/>
/// is the event: text deltas as text, <c>requires_action</c> as function calls, the run's end as finish reason and
/// usage; every other event as an update without contents, so nothing the stream said is lost.
/// </summary>
internal static class ChatUpdateMapper
{
    public static ChatResponseUpdate Map(StreamingUpdate update, string assistantId, string? threadId, string? runId)
    {
        ChatResponseUpdate chat = new()
        {
            Role = ChatRole.Assistant,
            AuthorName = assistantId,
            ConversationId = threadId,
            ResponseId = runId,
            MessageId = runId,
            RawRepresentation = update,
        };
        switch (update)
        {
            case MessageDeltaUpdate delta:
                AddDeltaContents(chat.Contents, delta);
                break;
            case RunUpdate { Run: { } run }:
                chat.CreatedAt = run.CreatedAt;
                chat.ModelId = run.Model;
                chat.FinishReason = FinishReason(run);
                if (run.Status == RunStatus.RequiresAction)
                {
                    AddRequiredActions(chat.Contents, run);
                }

                if (run.Status?.IsTerminal == true && run.Usage is { } usage)
                {
                    // Only at the end: a run's usage covers all its rounds, so an earlier count would be counted twice.
                    chat.Contents.Add(new UsageContent(ToUsageDetails(usage)) { RawRepresentation = usage });
                }

                break;
        }

        return chat;
    }

    public static UsageDetails ToUsageDetails(RunTokenUsage usage) => new()
    {
        InputTokenCount = usage.PromptTokens,
        OutputTokenCount = usage.CompletionTokens,
        TotalTokenCount = usage.TotalTokens,
        CachedInputTokenCount = usage.PromptTokenDetails?.CachedTokens,
        ReasoningTokenCount = usage.CompletionTokensDetails?.ReasoningTokens,
    };

    /// <summary>Completed stops, <c>requires_action</c> waits for tool calls, incomplete ran out of tokens (the protocol's only reasons); other statuses have no finish reason.</summary>
    public static ChatFinishReason? FinishReason(ThreadRun run)
        => run.Status == RunStatus.Completed ? ChatFinishReason.Stop
        : run.Status == RunStatus.RequiresAction ? ChatFinishReason.ToolCalls
        : run.Status == RunStatus.Incomplete ? ChatFinishReason.Length
        : null;

    private static void AddDeltaContents(IList<AIContent> contents, MessageDeltaUpdate delta)
    {
        if (delta.TryGetFastText(out _, out string fast))
        {
            contents.Add(new TextContent(fast));
            return;
        }

        foreach (MessageContentDelta part in delta.Delta.Delta?.Content ?? System.Array.Empty<MessageContentDelta>())
        {
            contents.Add(part switch
            {
                // Annotations stay on the raw part; a delta with only annotations gives empty text that carries them.
                MessageTextContentDelta text => new TextContent(text.Text?.Value ?? string.Empty) { RawRepresentation = part },
                MessageImageFileContentDelta { ImageFile.FileId: { Length: > 0 } fileId } => new HostedFileContent(fileId) { MediaType = "image/*", RawRepresentation = part },
                _ => new AIContent { RawRepresentation = part },
            });
        }
    }

    private static void AddRequiredActions(IList<AIContent> contents, ThreadRun run)
    {
        if (run.RequiredAction?.SubmitToolOutputs?.ToolCalls is not { } calls)
        {
            // An action this library does not answer (such as a tool approval): kept, not dropped.
            if (run.RequiredAction is { } action)
            {
                contents.Add(new AIContent { RawRepresentation = action });
            }

            return;
        }

        foreach (RequiredToolCall call in calls)
        {
            if (call.FunctionName is { } name && call.Id.Length > 0)
            {
                FunctionCallContent function = FunctionCallContent.CreateFromParsedArguments(call.FunctionArguments ?? "{}", ToolCallIds.Encode(run.Id, call.Id), name, FunctionArguments.Parse);
                function.RawRepresentation = call;
                contents.Add(function);
            }
            else
            {
                contents.Add(new AIContent { RawRepresentation = call });
            }
        }
    }
}
