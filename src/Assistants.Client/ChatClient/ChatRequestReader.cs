using System;
using System.Collections.Generic;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.AI;

namespace Assistants.Client.Internal;

/// <summary>
/// Reads the chat messages of one call into a <see cref="ChatRequest"/>. Nothing the thread could hold is dropped:
/// content that has no counterpart in the protocol raises <see cref="NotSupportedException"/>. Content that is already
/// on the thread (the assistant's own function calls, reasoning and usage, echoed back by a caller such as
/// <c>FunctionInvokingChatClient</c>) is skipped.
/// </summary>
internal static class ChatRequestReader
{
    private static readonly ChatRole s_developer = new("developer");

    public static ChatRequest Read(IEnumerable<ChatMessage> messages, ChatOptions? options)
    {
        ChatRequest request = new();
        StringBuilder? instructions = null;
        AppendInstructions(ref instructions, options?.Instructions);
        foreach (ChatMessage message in messages)
        {
            if (message is null)
            {
                throw new ArgumentException("The messages contain a null message.", nameof(messages));
            }

            if (message.Role == ChatRole.System || message.Role == s_developer)
            {
                // The protocol has no system messages on a thread; per-run additional instructions are the counterpart.
                foreach (AIContent content in message.Contents)
                {
                    AppendInstructions(ref instructions, content is TextContent text ? text.Text : throw Unsupported(message, content));
                }

                continue;
            }

            ReadMessage(request, message, nameof(messages));
        }

        request.Instructions = instructions?.ToString();
        return request;
    }

    private static void ReadMessage(ChatRequest request, ChatMessage message, string paramName)
    {
        bool isAssistant = message.Role == ChatRole.Assistant;
        if (!isAssistant && message.Role != ChatRole.User && message.Role != ChatRole.Tool)
        {
            throw new NotSupportedException($"A message with role '{message.Role}' cannot be added to an assistant's thread (only user, assistant, system, developer and tool messages can).");
        }

        List<MessageContentPart>? parts = null;
        foreach (AIContent content in message.Contents)
        {
            switch (content)
            {
                case FunctionResultContent result:
                    AddToolOutput(request, result, paramName);
                    break;
                case FunctionCallContent or TextReasoningContent or UsageContent when isAssistant:
                    // The assistant's own output, already on the thread or in the run.
                    break;
                case { RawRepresentation: MessageContentPart raw } when message.Role != ChatRole.Tool:
                    (parts ??= new()).Add(raw);
                    break;
                case TextContent text when message.Role != ChatRole.Tool:
                    (parts ??= new()).Add(MessageContentPart.CreateText(text.Text ?? string.Empty));
                    break;
                case UriContent uri when message.Role != ChatRole.Tool && uri.HasTopLevelMediaType("image"):
                    (parts ??= new()).Add(MessageContentPart.CreateImageUrl(uri.Uri));
                    break;
                case HostedFileContent file when message.Role != ChatRole.Tool && file.HasTopLevelMediaType("image"):
                    (parts ??= new()).Add(MessageContentPart.CreateImageFile(file.FileId));
                    break;
                default:
                    throw Unsupported(message, content);
            }
        }

        if (parts is not null)
        {
            request.Messages.Add(new ThreadInitializationMessage(isAssistant ? MessageRole.Assistant : MessageRole.User, parts));
        }
    }

    private static void AddToolOutput(ChatRequest request, FunctionResultContent result, string paramName)
    {
        if (!ToolCallIds.TryDecode(result.CallId, out string runId, out string toolCallId))
        {
            throw new ArgumentException($"The function result's CallId {ToolCallIds.Describe(result.CallId)} was not made by this chat client; it must be the CallId of a FunctionCallContent an assistant run asked for.", paramName);
        }

        if (request.ToolRunId is { } known && !string.Equals(known, runId, StringComparison.Ordinal))
        {
            throw new ArgumentException($"The function results answer two runs ('{known}' and '{runId}'); one call can only submit the tool outputs of one run.", paramName);
        }

        request.ToolRunId = runId;
        request.ToolOutputs.Add(new ToolOutput(toolCallId, ToolOutputText(result.Result)));
    }

    /// <summary>A function's result as the tool output string: text as is, anything else as JSON, without reflection.</summary>
    private static string ToolOutputText(object? result)
    {
        switch (result)
        {
            case null:
                return string.Empty;
            case string text:
                return text;
            case JsonElement { ValueKind: JsonValueKind.String } element:
                return element.GetString() ?? string.Empty;
            case JsonElement element:
                return element.GetRawText();
            default:
                try
                {
                    return JsonSerializer.Serialize(result, AIJsonUtilities.DefaultOptions.GetTypeInfo(result.GetType()));
                }
                catch (NotSupportedException)
                {
                    // A type the source-generated metadata does not know (reflection is off under trimming).
                    return Convert.ToString(result, System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty;
                }
        }
    }

    private static void AppendInstructions(ref StringBuilder? instructions, string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return;
        }

        if (instructions is null)
        {
            instructions = new StringBuilder(text);
        }
        else
        {
            instructions.Append('\n').Append('\n').Append(text);
        }
    }

    private static NotSupportedException Unsupported(ChatMessage message, AIContent content)
        => new($"A {content.GetType().Name} in a {message.Role} message has no counterpart in the Assistants protocol, so it cannot be sent to the assistant. Send text, image URLs or image files (HostedFileContent) in user and assistant messages, text in system messages, and function results in tool messages.");
}
