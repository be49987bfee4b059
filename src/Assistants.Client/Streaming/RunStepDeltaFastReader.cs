using System;
using System.Text.Json;

namespace Assistants.Client.Internal;

/// <summary>
/// A hand-written reader for the hot tool call event, a <c>thread.run.step.delta</c> that extends one function call:
/// <c>{"id","object","delta":{"step_details":{"type":"tool_calls","tool_calls":[{"index","id"?,"type":"function",
/// "function":{"name"?,"arguments"?,"output"?}}]}}}</c>. It keeps only the step id (reused from the previous event
/// when equal) and the one tool call delta. Any other shape (several calls, other tools, unknown fields) returns
/// <c>null</c> and the caller falls back to the source-generated serializer, so no field is ever lost.
/// </summary>
internal static class RunStepDeltaFastReader
{
    public static RunStepDeltaUpdate? TryRead(ReadOnlySpan<byte> json, ref string? lastId)
    {
        Utf8JsonReader reader = new(json);
        string? id = null;
        RunStepFunctionToolCallDelta? call = null;
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            return null;
        }

        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("id"u8))
            {
                if (!FastDeltaTokens.TryReadId(ref reader, lastId, out id))
                {
                    return null;
                }
            }
            else if (reader.ValueTextEquals("object"u8))
            {
                if (!FastDeltaTokens.TryReadConstant(ref reader, "thread.run.step.delta"u8))
                {
                    return null;
                }
            }
            else if (reader.ValueTextEquals("delta"u8))
            {
                if (call is not null || (call = ReadDelta(ref reader)) is null)
                {
                    return null;
                }
            }
            else
            {
                return null;
            }
        }

        if (reader.TokenType != JsonTokenType.EndObject || call is null || reader.Read())
        {
            return null;
        }

        lastId = id;
        return new RunStepDeltaUpdate(id, call);
    }

    // "delta": {"step_details": {"type": "tool_calls", "tool_calls": [ one function call ]}}
    private static RunStepFunctionToolCallDelta? ReadDelta(ref Utf8JsonReader reader)
    {
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject
            || !reader.Read() || reader.TokenType != JsonTokenType.PropertyName || !reader.ValueTextEquals("step_details"u8)
            || !reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            return null;
        }

        bool isToolCalls = false;
        RunStepFunctionToolCallDelta? call = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("type"u8))
            {
                if (!FastDeltaTokens.TryReadConstant(ref reader, "tool_calls"u8))
                {
                    return null;
                }

                isToolCalls = true;
            }
            else if (reader.ValueTextEquals("tool_calls"u8))
            {
                // Exactly one call in the array.
                if (call is not null || !reader.Read() || reader.TokenType != JsonTokenType.StartArray
                    || (call = ReadCall(ref reader)) is null
                    || !reader.Read() || reader.TokenType != JsonTokenType.EndArray)
                {
                    return null;
                }
            }
            else
            {
                return null;
            }
        }

        // Nothing after "step_details" in the delta.
        return isToolCalls && call is not null && reader.TokenType == JsonTokenType.EndObject
            && reader.Read() && reader.TokenType == JsonTokenType.EndObject ? call : null;
    }

    private static RunStepFunctionToolCallDelta? ReadCall(ref Utf8JsonReader reader)
    {
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            return null;
        }

        int index = -1;
        string? id = null;
        bool isFunction = false;
        bool sawFunction = false;
        RunStepFunctionDelta? function = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("index"u8))
            {
                if (!FastDeltaTokens.TryReadIndex(ref reader, out index))
                {
                    return null;
                }
            }
            else if (reader.ValueTextEquals("id"u8))
            {
                if (!FastDeltaTokens.TryReadString(ref reader, allowNull: true, out id))
                {
                    return null;
                }
            }
            else if (reader.ValueTextEquals("type"u8))
            {
                if (!FastDeltaTokens.TryReadConstant(ref reader, "function"u8))
                {
                    return null;
                }

                isFunction = true;
            }
            else if (reader.ValueTextEquals("function"u8))
            {
                if (sawFunction || !TryReadFunction(ref reader, out function))
                {
                    return null;
                }

                sawFunction = true;
            }
            else
            {
                return null;
            }
        }

        return isFunction && index >= 0 && reader.TokenType == JsonTokenType.EndObject
            ? new RunStepFunctionToolCallDelta { Index = index, Id = id, Function = function }
            : null;
    }

    // "function": {"name"?, "arguments"?, "output"?}, each a string or null.
    private static bool TryReadFunction(ref Utf8JsonReader reader, out RunStepFunctionDelta? function)
    {
        function = null;
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            return false;
        }

        string? name = null;
        string? arguments = null;
        string? output = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            bool ok = reader.ValueTextEquals("arguments"u8) ? FastDeltaTokens.TryReadString(ref reader, allowNull: true, out arguments)
                : reader.ValueTextEquals("name"u8) ? FastDeltaTokens.TryReadString(ref reader, allowNull: true, out name)
                : reader.ValueTextEquals("output"u8) && FastDeltaTokens.TryReadString(ref reader, allowNull: true, out output);
            if (!ok)
            {
                return false;
            }
        }

        if (reader.TokenType != JsonTokenType.EndObject)
        {
            return false;
        }

        function = new RunStepFunctionDelta { Name = name, Arguments = arguments, Output = output };
        return true;
    }
}
