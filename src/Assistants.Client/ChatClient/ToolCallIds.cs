using System.IO;
using System.Text;
using System.Text.Json;

namespace Assistants.Client.Internal;

/// <summary>
/// The <c>FunctionCallContent.CallId</c> of a function call an assistant asked for:
/// the run id and the tool call id as a JSON array (<c>["run_abc","call_xyz"]</c>), the form Microsoft.Extensions.AI's
/// OpenAI assistants adapter uses, so the result that comes back names the run waiting for it.
/// </summary>
internal static class ToolCallIds
{
    public static string Encode(string runId, string toolCallId)
    {
        using MemoryStream buffer = new();
        using (Utf8JsonWriter writer = new(buffer))
        {
            writer.WriteStartArray();
            writer.WriteStringValue(runId);
            writer.WriteStringValue(toolCallId);
            writer.WriteEndArray();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>Reads a call id made by <see cref="Encode"/>; <c>false</c> for any other string.</summary>
    public static bool TryDecode(string? callId, out string runId, out string toolCallId)
    {
        runId = string.Empty;
        toolCallId = string.Empty;
        if (string.IsNullOrEmpty(callId) || callId![0] != '[')
        {
            return false;
        }

        try
        {
            Utf8JsonReader reader = new(Encoding.UTF8.GetBytes(callId));
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartArray
                || !reader.Read() || reader.TokenType != JsonTokenType.String || reader.GetString() is not { Length: > 0 } run
                || !reader.Read() || reader.TokenType != JsonTokenType.String || reader.GetString() is not { Length: > 0 } call
                || !reader.Read() || reader.TokenType != JsonTokenType.EndArray || reader.Read())
            {
                return false;
            }

            runId = run;
            toolCallId = call;
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    /// <summary>Quotes a call id for an exception message, cut short: it is the caller's data, not ours.</summary>
    public static string Describe(string? callId)
        => callId is null ? "(null)" : "'" + (callId.Length > 64 ? callId.Substring(0, 64) + "..." : callId) + "'";
}
