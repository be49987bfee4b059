using System;
using System.Collections.Generic;
using Microsoft.Extensions.AI;

namespace Assistants.Client.Internal;

/// <summary>Microsoft.Extensions.AI tools, tool modes and response formats as the protocol's.</summary>
internal static class ChatToolMapping
{
    /// <summary>The assistant's tools, then the given ones; a function of the same name is replaced by the given one, and so is a hosted tool of the same type.</summary>
    public static List<ToolDefinition> Merge(IReadOnlyList<ToolDefinition> assistantTools, IList<AITool> tools)
    {
        List<ToolDefinition> given = new(tools.Count);
        foreach (AITool tool in tools)
        {
            given.Add(ToToolDefinition(tool));
        }

        List<ToolDefinition> merged = new(assistantTools.Count + given.Count);
        foreach (ToolDefinition own in assistantTools)
        {
            if (!given.Exists(other => SameTool(own, other)))
            {
                merged.Add(own);
            }
        }

        merged.AddRange(given);
        return merged;
    }

    public static ToolDefinition ToToolDefinition(AITool tool) => tool switch
    {
        AIFunctionDeclaration function => new FunctionToolDefinition(function.Name, string.IsNullOrEmpty(function.Description) ? null : function.Description, function.JsonSchema),
        HostedCodeInterpreterTool => new CodeInterpreterToolDefinition(),
        HostedFileSearchTool search => ToolDefinition.CreateFileSearch(search.MaximumResultCount),
        _ => throw new NotSupportedException($"The tool '{tool.Name}' ({tool.GetType().Name}) has no counterpart in the Assistants protocol; use AIFunction declarations, HostedCodeInterpreterTool or HostedFileSearchTool."),
    };

    public static ToolChoice? ToToolChoice(ChatToolMode? mode) => mode switch
    {
        null => null,
        NoneChatToolMode => ToolChoice.None,
        AutoChatToolMode => ToolChoice.Auto,
        RequiredChatToolMode { RequiredFunctionName: { } name } => ToolChoice.CreateFunction(name),
        RequiredChatToolMode => ToolChoice.Required,
        _ => throw new NotSupportedException($"The tool mode '{mode}' has no counterpart in the Assistants protocol."),
    };

    public static AssistantResponseFormat? ToResponseFormat(ChatResponseFormat? format) => format switch
    {
        null => null,
        ChatResponseFormatText => AssistantResponseFormat.Text,
        ChatResponseFormatJson { Schema: { } schema } json => AssistantResponseFormat.CreateJsonSchema(json.SchemaName is { Length: > 0 } name ? name : "response", schema, json.SchemaDescription),
        ChatResponseFormatJson => AssistantResponseFormat.JsonObject,
        _ => throw new NotSupportedException($"The response format '{format}' has no counterpart in the Assistants protocol."),
    };

    private static bool SameTool(ToolDefinition a, ToolDefinition b)
        => a is FunctionToolDefinition fa && b is FunctionToolDefinition fb
            ? string.Equals(fa.Function.Name, fb.Function.Name, StringComparison.Ordinal)
            : a is not FunctionToolDefinition && b is not FunctionToolDefinition && string.Equals(a.Type, b.Type, StringComparison.Ordinal);
}
