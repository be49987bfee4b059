using System.Collections.Generic;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Assistants.Server.Errors;
using Assistants.Server.Json;

namespace Assistants.Server.Validation;

/// <summary>
/// Applies <see cref="ProtocolLimits"/> to the body of each kind of request; an endpoint passes one of these to
/// <c>ApiRequest.ReadBodyAsync</c>. Type errors are left to the endpoints, which already report them.
/// </summary>
internal static class BodyLimits
{
    public static void Assistant(JsonObject body) => Settings(body, "");

    public static void Run(JsonObject body)
    {
        Settings(body, "");
        Messages(body, "additional_messages", "");
    }

    public static void ThreadAndRun(JsonObject body)
    {
        Run(body);
        if (body["thread"] is JsonObject thread)
        {
            Thread(thread, "thread.");
        }
    }

    public static void Thread(JsonObject body) => Thread(body, "");

    /// <summary>Modifying runs, threads, messages and vector stores, and creating messages and vector stores: metadata only.</summary>
    public static void Metadata(JsonObject body) => Metadata(body, "metadata");

    private static void Thread(JsonObject body, string prefix)
    {
        Metadata(body, prefix + "metadata");
        Messages(body, "messages", prefix);
    }

    private static void Settings(JsonObject body, string prefix)
    {
        foreach ((string name, int maxLength) in ProtocolLimits.Strings)
        {
            if (body[name] is JsonValue value && value.GetValueKind() == JsonValueKind.String && value.GetValue<string>().Length > maxLength)
            {
                throw LimitErrors.StringTooLong(prefix + name, maxLength, value.GetValue<string>().Length);
            }
        }

        foreach ((string name, double min, double max) in ProtocolLimits.Numbers)
        {
            if (body[name] is not JsonNode node || node.GetValueKind() == JsonValueKind.Null)
            {
                continue;
            }

            if (node.GetValueKind() != JsonValueKind.Number)
            {
                throw ApiErrors.InvalidType(prefix + name, "a number", JsonNodes.Describe(node));
            }

            double number = node.GetValue<double>();
            if (number < min || number > max)
            {
                throw LimitErrors.OutOfRange(prefix + name, min, max, number, node.ToJsonString());
            }
        }

        Tools(body, prefix + "tools");
        Metadata(body, prefix + "metadata");
    }

    private static void Tools(JsonObject body, string param)
    {
        if (body["tools"] is not JsonArray tools)
        {
            return;
        }

        if (tools.Count > ProtocolLimits.MaxTools)
        {
            throw LimitErrors.ArrayTooLong(param, ProtocolLimits.MaxTools, tools.Count);
        }

        for (int i = 0; i < tools.Count; i++)
        {
            if (tools[i] is JsonObject tool && tool["function"] is JsonObject function && function["name"] is JsonValue name
                && name.GetValueKind() == JsonValueKind.String && !IsFunctionName(name.GetValue<string>()))
            {
                throw LimitErrors.PatternMismatch(string.Create(CultureInfo.InvariantCulture, $"{param}[{i}].function.name"), ProtocolLimits.FunctionNamePattern);
            }
        }
    }

    private static void Messages(JsonObject body, string field, string prefix)
    {
        if (body[field] is not JsonArray messages)
        {
            return;
        }

        for (int i = 0; i < messages.Count; i++)
        {
            if (messages[i] is JsonObject message)
            {
                Metadata(message, string.Create(CultureInfo.InvariantCulture, $"{prefix}{field}[{i}].metadata"));
            }
        }
    }

    private static void Metadata(JsonObject body, string param)
    {
        if (body["metadata"] is not JsonObject metadata)
        {
            return;
        }

        if (metadata.Count > ProtocolLimits.MetadataPairs)
        {
            throw LimitErrors.TooManyProperties(param, ProtocolLimits.MetadataPairs, metadata.Count);
        }

        foreach (KeyValuePair<string, JsonNode?> pair in metadata)
        {
            if (pair.Key.Length > ProtocolLimits.MetadataKeyLength)
            {
                throw LimitErrors.KeyTooLong(param, ProtocolLimits.MetadataKeyLength, pair.Key.Length);
            }

            if (pair.Value is JsonValue value && value.GetValueKind() == JsonValueKind.String
                && value.GetValue<string>().Length > ProtocolLimits.MetadataValueLength)
            {
                throw LimitErrors.StringTooLong($"{param}.{pair.Key}", ProtocolLimits.MetadataValueLength, value.GetValue<string>().Length);
            }
        }
    }

    private static bool IsFunctionName(string name)
    {
        if (name.Length is < 1 or > 64)
        {
            return false;
        }

        foreach (char c in name)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '_' or '-'))
            {
                return false;
            }
        }

        return true;
    }
}
