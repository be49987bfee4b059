using System.Collections.Generic;

namespace Assistants.Client.Tests;

/// <summary>Run bodies for waiter and tool-loop tests; times are relative to <see cref="TimerRecordingTimeProvider"/>'s start (2026-01-01, unix 1767225600).</summary>
internal static class RunJson
{
    public const long Start = 1767225600;

    public static string Run(string status, string extra = "")
        => "{\"id\":\"run_1\",\"object\":\"thread.run\",\"created_at\":" + Start + ",\"thread_id\":\"thread_1\",\"assistant_id\":\"asst_1\",\"status\":\"" + status + "\"" + extra + "}";

    public static string RequiresAction(long expiresAt, params (string Id, string Name, string Arguments)[] calls)
    {
        List<string> items = new();
        foreach ((string id, string name, string arguments) in calls)
        {
            items.Add("{\"id\":\"" + id + "\",\"type\":\"function\",\"function\":{\"name\":\"" + name + "\",\"arguments\":" + System.Text.Json.JsonSerializer.Serialize(arguments) + "}}");
        }

        return Run("requires_action", ",\"expires_at\":" + expiresAt + ",\"required_action\":{\"type\":\"submit_tool_outputs\",\"submit_tool_outputs\":{\"tool_calls\":[" + string.Join(",", items) + "]}}");
    }

    public static string Failed(string status, string code, string message)
        => Run(status, ",\"last_error\":{\"code\":\"" + code + "\",\"message\":\"" + message + "\"}");
}
