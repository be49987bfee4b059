using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Assistants.Server.Runs;
using Assistants.Server.Storage;
using Microsoft.Extensions.AI;

namespace Assistants.Server.Model;

/// <summary>Turns a run and its thread into the chat messages and options the model sees.</summary>
internal static class PromptBuilder
{
    /// <summary>
    /// The system message, the thread's finished messages (<paramref name="threadMessages"/>, oldest first, user
    /// messages with their images from <paramref name="images"/>, see <see cref="PromptImages"/>) and the run's tool history.
    /// </summary>
    public static List<ChatMessage> BuildMessages(RunRecord run, IReadOnlyList<StoredDoc> threadMessages, IReadOnlyDictionary<string, DataContent> images)
    {
        List<ChatMessage> messages = [];
        string? instructions = (string?)run.Json["instructions"];
        string system = string.Join("\n\n", new[] { instructions, run.AdditionalInstructions }.Where(text => !string.IsNullOrEmpty(text)));
        if (system.Length > 0)
        {
            messages.Add(new ChatMessage(ChatRole.System, system));
        }

        List<JsonObject> history = [.. threadMessages
            .Select(doc => doc.Json)
            .Where(message => (string?)message["status"] != RunStatus.InProgress)];
        JsonObject? truncation = run.Json["truncation_strategy"] as JsonObject;
        if ((string?)truncation?["type"] == "last_messages" && truncation["last_messages"] is JsonValue last)
        {
            int keep = (int)last.GetValue<long>();
            history = history.Skip(Math.Max(0, history.Count - keep)).ToList();
        }

        foreach (JsonObject message in history)
        {
            ChatRole role = (string?)message["role"] == "assistant" ? ChatRole.Assistant : ChatRole.User;
            messages.Add(role == ChatRole.User && PromptImages.HasImages(message)
                ? new ChatMessage(role, ContentsOf(message, images))
                : new ChatMessage(role, TextOf(message)));
        }

        if (run.FileSearch is not null)
        {
            messages.Add(run.FileSearch.ToMessage(messages.Count));
        }

        messages.AddRange(run.ToolHistory);
        return messages;
    }

    public static ChatOptions BuildOptions(RunRecord run)
    {
        JsonObject json = run.Json;
        var options = new ChatOptions
        {
            ModelId = (string?)json["model"],
            Temperature = json["temperature"] is JsonValue temperature ? (float)temperature.GetValue<double>() : null,
            TopP = json["top_p"] is JsonValue topP ? (float)topP.GetValue<double>() : null,
            MaxOutputTokens = json["max_completion_tokens"] is JsonValue max ? (int)max.GetValue<long>() : null,
            AllowMultipleToolCalls = json["parallel_tool_calls"] is JsonValue parallel ? parallel.GetValue<bool>() : null,
        };
        List<AITool> tools = [];
        foreach (JsonObject tool in (json["tools"] as JsonArray ?? []).OfType<JsonObject>())
        {
            if ((string?)tool["type"] == "function" && tool["function"] is JsonObject function)
            {
                tools.Add(AIFunctionFactory.CreateDeclaration(
                    (string)function["name"]!, (string?)function["description"], ToElement(function["parameters"])));
            }
        }

        if (tools.Count > 0)
        {
            options.Tools = tools;
            options.ToolMode = json["tool_choice"] switch
            {
                JsonObject choice => ChatToolMode.RequireSpecific((string)choice["function"]!["name"]!),
                JsonValue value when (string?)value == "none" => ChatToolMode.None,
                JsonValue value when (string?)value == "required" => ChatToolMode.RequireAny,
                _ => ChatToolMode.Auto,
            };
        }

        if (json["response_format"] is JsonObject format)
        {
            options.ResponseFormat = (string?)format["type"] switch
            {
                "json_object" => ChatResponseFormat.Json,
                "json_schema" when format["json_schema"] is JsonObject schema => ChatResponseFormat.ForJsonSchema(
                    ToElement(schema["schema"]), (string?)schema["name"], (string?)schema["description"]),
                _ => null,
            };
        }

        return options;
    }

    /// <summary>A rough, model-independent token count: whitespace-separated words.</summary>
    public static long EstimateTokens(IEnumerable<ChatMessage> messages) =>
        messages.Sum(message => (long)(message.Text?.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length ?? 0));

    private static string TextOf(JsonObject message)
    {
        var text = new StringBuilder();
        foreach (JsonObject part in (message["content"] as JsonArray ?? []).OfType<JsonObject>())
        {
            if ((string?)part["type"] == "text")
            {
                text.Append((string?)part["text"]?["value"]);
            }
        }

        return text.ToString();
    }

    /// <summary>A user message's text and image parts, in order.</summary>
    private static List<AIContent> ContentsOf(JsonObject message, IReadOnlyDictionary<string, DataContent> images)
    {
        List<AIContent> contents = [];
        foreach (JsonObject part in (message["content"] as JsonArray ?? []).OfType<JsonObject>())
        {
            if ((string?)part["type"] == "text")
            {
                contents.Add(new TextContent((string?)part["text"]?["value"]));
            }
            else if (PromptImages.ToContent(part, images) is { } image)
            {
                contents.Add(image);
            }
        }

        return contents;
    }

    private static JsonElement ToElement(JsonNode? node)
    {
        using JsonDocument document = JsonDocument.Parse(node?.ToJsonString() ?? "{}");
        return document.RootElement.Clone();
    }
}
