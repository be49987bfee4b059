using System.Collections.Generic;
using System.Text.Json;

namespace Assistants.Client.Serialization;

/// <summary>
/// Reads a run's <c>tools</c> and <c>tool_resources</c> by hand in their common shapes (<c>code_interpreter</c>, a
/// function with a name, description, JSON-schema parameters and <c>strict</c>; code-interpreter file ids): a nested
/// serializer call per tool costs a reader stack, most of a run object's bytes. Any other tool goes through
/// <see cref="ToolDefinitionConverter"/> and any other resource shape through the serializer, as before.
/// </summary>
internal static class ToolsReader
{
    private static readonly ToolDefinitionConverter s_tool = new();

    public static bool TryTools(ref Utf8JsonReader reader, JsonSerializerOptions options, out IReadOnlyList<ToolDefinition>? value)
    {
        value = null;
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            return ModelReader.TryNested(ref reader, options, out value);
        }

        List<ToolDefinition> tools = new();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            Utf8JsonReader probe = reader;
            if (TryTool(ref probe) is { } tool)
            {
                reader = probe;
                tools.Add(tool);
            }
            else
            {
                tools.Add(reader.TokenType == JsonTokenType.Null ? null! : s_tool.Read(ref reader, typeof(ToolDefinition), options)!);
            }
        }

        value = tools;
        return true;
    }

    public static bool TryToolResources(ref Utf8JsonReader reader, JsonSerializerOptions options, out ToolResources? value)
    {
        if (reader.TokenType == JsonTokenType.StartObject)
        {
            // Only {"code_interpreter":{"file_ids":[...]}}: file search resources go through the serializer.
            Utf8JsonReader probe = reader;
            if (probe.Read() && probe.TokenType == JsonTokenType.PropertyName && probe.ValueTextEquals("code_interpreter"u8)
                && probe.Read() && probe.TokenType == JsonTokenType.StartObject
                && probe.Read() && probe.TokenType == JsonTokenType.PropertyName && probe.ValueTextEquals("file_ids"u8)
                && probe.Read() && TryStrings(ref probe, out List<string>? ids)
                && probe.Read() && probe.TokenType == JsonTokenType.EndObject
                && probe.Read() && probe.TokenType == JsonTokenType.EndObject)
            {
                reader = probe;
                value = new ToolResources { CodeInterpreter = new CodeInterpreterToolResources { FileIds = ids } };
                return true;
            }
        }

        return ModelReader.TryNested(ref reader, options, out value);
    }

    /// <summary>A code-interpreter tool or a plain function tool, or <c>null</c> for anything else.</summary>
    private static ToolDefinition? TryTool(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            return null;
        }

        int kind = 0;
        FunctionDefinition? function = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (kind == 0 && reader.ValueTextEquals("type"u8))
            {
                if (!reader.Read() || reader.TokenType != JsonTokenType.String)
                {
                    return null;
                }

                kind = reader.ValueTextEquals("code_interpreter"u8) ? 1 : reader.ValueTextEquals("function"u8) ? 2 : -1;
                if (kind < 0)
                {
                    return null;
                }
            }
            else if (function is null && reader.ValueTextEquals("function"u8))
            {
                if (!reader.Read() || (function = TryFunction(ref reader)) is null)
                {
                    return null;
                }
            }
            else
            {
                return null;
            }
        }

        return kind == 1 && function is null ? new CodeInterpreterToolDefinition()
            : kind == 2 && function is not null ? new FunctionToolDefinition { Function = function }
            : null;
    }

    private static FunctionDefinition? TryFunction(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            return null;
        }

        string? name = null, description = null;
        JsonElement? parameters = null;
        bool? strict = null;
        ulong seen = 0;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            int field = reader.ValueTextEquals("name"u8) ? 0 : reader.ValueTextEquals("description"u8) ? 1 : reader.ValueTextEquals("parameters"u8) ? 2 : reader.ValueTextEquals("strict"u8) ? 3 : -1;
            if (field < 0 || !ModelReader.FirstTime(ref seen, field) || !reader.Read())
            {
                return null;
            }

            bool ok = field switch
            {
                0 => ModelReader.TryString(ref reader, out name),
                1 => ModelReader.TryString(ref reader, out description),
                2 => reader.TokenType == JsonTokenType.StartObject && (parameters = JsonElement.ParseValue(ref reader)) is not null,
                _ => ModelReader.TryBoolean(ref reader, out strict),
            };
            if (!ok)
            {
                return null;
            }
        }

        return new FunctionDefinition { WireName = name, Description = description, Parameters = parameters, Strict = strict };
    }

    private static bool TryStrings(ref Utf8JsonReader reader, out List<string>? value)
    {
        value = null;
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            return false;
        }

        value = new List<string>();
        while (reader.Read() && reader.TokenType == JsonTokenType.String)
        {
            value.Add(reader.GetString()!);
        }

        return reader.TokenType == JsonTokenType.EndArray;
    }
}
