using System;
using System.Collections.Generic;
using System.Text;
using System.Text.Json;

namespace Assistants.Client.Benchmarks;

/// <summary>
/// The generated v2 wire data <c>--compare</c> serves, shaped like the recordings (docs/PERFORMANCE.md pins it):
/// a ~1.8 KB run object with two tools, a text stream of 1-6 character deltas, a function-call stream whose 1-6
/// character argument fragments add up to ~70,000 characters, a 61-event short run, and message pages of 100
/// (~84 KB each). Deterministic (fixed seed), so the parent and the <c>--serve</c> child build the same bytes.
/// </summary>
internal sealed class WireData
{
    public const string ThreadId = "thread_kSkj4ryQchn1MSwL3I2N0uWV";
    public const string RunId = "run_gMAiOdxbrcV3JXHDasJZwr3g";
    public const string AssistantId = "asst_wsbI8mQzYyBDEhJH7F4Eg3tx";
    public const int ShortRunDeltas = 50;
    public const int ShortRunEvents = 61;
    public const int PageSize = 100;

    public WireData(bool quick)
    {
        TextDeltas = quick ? 500 : 5_000;
        ArgumentLength = quick ? 7_000 : 70_000;
        MessageCount = quick ? 300 : 1_000;
        Run = RunJson("completed", requiredAction: null);
        TextStream = BuildTextStream();
        (FunctionStream, FunctionDeltas) = BuildFunctionStream();
        ShortRun = BuildShortRun();
        Pages = BuildPages();
    }

    public int TextDeltas { get; }

    public int ArgumentLength { get; }

    public int FunctionDeltas { get; }

    public int MessageCount { get; }

    /// <summary>Gets the run object (GET run).</summary>
    public byte[] Run { get; }

    public byte[] TextStream { get; }

    public byte[] FunctionStream { get; }

    public byte[] ShortRun { get; }

    /// <summary>Gets the message pages by the <c>after</c> cursor that asks for them ("" for the first).</summary>
    public Dictionary<string, byte[]> Pages { get; }

    private static byte[] RunJson(string status, string? requiredAction)
    {
        string json = $$$"""
            {"id":"{{{RunId}}}","object":"thread.run","created_at":1761861632,"assistant_id":"{{{AssistantId}}}","thread_id":"{{{ThreadId}}}","status":"{{{status}}}","started_at":1761861634,"expires_at":1761862232,"cancelled_at":null,"failed_at":null,"completed_at":null,"required_action":{{{requiredAction ?? "null"}}},"last_error":null,"model":"gpt-4o","instructions":"You are a weather assistant. Use the get_weather function for any question about current conditions or forecasts, and the code interpreter for unit conversions. Answer in one short paragraph, name the source of the data, give temperatures in the unit the user asked for, and say when the forecast was made.","tools":[{"type":"code_interpreter"},{"type":"function","function":{"name":"get_weather","description":"Returns the current weather and a short forecast for a location.","parameters":{"type":"object","properties":{"location":{"type":"string","description":"City and country, e.g. Paris, France"},"unit":{"type":"string","enum":["celsius","fahrenheit"],"description":"Temperature unit"},"days":{"type":"integer","minimum":1,"maximum":7,"description":"Forecast days"}},"required":["location"],"additionalProperties":false},"strict":false}}],"tool_resources":{"code_interpreter":{"file_ids":[]}},"metadata":{"session":"bench-7f3a","user":"u_1842"},"temperature":1.0,"top_p":1.0,"reasoning_effort":null,"max_completion_tokens":null,"max_prompt_tokens":null,"truncation_strategy":{"type":"auto","last_messages":null},"incomplete_details":null,"usage":{"prompt_tokens":412,"completion_tokens":96,"total_tokens":508,"prompt_token_details":{"cached_tokens":0},"completion_tokens_details":{"reasoning_tokens":0}},"response_format":"auto","tool_choice":"auto","parallel_tool_calls":true}
            """;
        return Encoding.UTF8.GetBytes(json.Trim());
    }

    private static void Event(StringBuilder sse, string name, string data) => sse.Append("event: ").Append(name).Append("\ndata: ").Append(data).Append("\n\n");

    private static void Event(StringBuilder sse, string name, byte[] data) => Event(sse, name, Encoding.UTF8.GetString(data));

    private static string Step(string status, string type, string details) =>
        $$"""{"id":"step_hmYOAd1Lb8Bx9qzQJRN3Se63","object":"thread.run.step","created_at":1761861641,"run_id":"{{RunId}}","assistant_id":"{{AssistantId}}","thread_id":"{{ThreadId}}","type":"{{type}}","status":"{{status}}","cancelled_at":null,"completed_at":null,"expires_at":1761862232,"failed_at":null,"last_error":null,"step_details":{{details}},"usage":null}""";

    private static string Message(string status, string text) =>
        $$$"""{"id":"msg_QKguDb0ERalCwX44IuQhxGAy","object":"thread.message","created_at":1761861641,"assistant_id":"{{{AssistantId}}}","thread_id":"{{{ThreadId}}}","run_id":"{{{RunId}}}","status":"{{{status}}}","incomplete_details":null,"incomplete_at":null,"completed_at":null,"role":"assistant","content":[{{{(text.Length == 0 ? "" : $$$"""{"type":"text","text":{"value":{{{JsonSerializer.Serialize(text, WireJsonContext.Default.String)}}},"annotations":[]}}""")}}}],"attachments":[],"metadata":{}}""";

    private static string TextDelta(string fragment, bool first) =>
        """{"id":"msg_QKguDb0ERalCwX44IuQhxGAy","object":"thread.message.delta","delta":{"content":[{"index":0,"type":"text","text":{"value":"""
        + JsonSerializer.Serialize(fragment, WireJsonContext.Default.String) + (first ? ""","annotations":[]}}]}}""" : "}}]}}");

    /// <summary>Token-sized fragments: 1-6 characters, words and spaces, from a fixed seed.</summary>
    private static List<string> Fragments(int count, int seed)
    {
        Random random = new(seed);
        List<string> fragments = new(count);
        for (int i = 0; i < count; i++)
        {
            int length = 1 + random.Next(6);
            char[] chars = new char[length];
            chars[0] = random.Next(3) == 0 ? ' ' : (char)('a' + random.Next(26));
            for (int c = 1; c < length; c++)
            {
                chars[c] = (char)('a' + random.Next(26));
            }

            fragments.Add(new string(chars));
        }

        return fragments;
    }

    private byte[] BuildTextStream() => MessageStream(Fragments(TextDeltas, 7));

    private byte[] BuildShortRun()
    {
        byte[] stream = MessageStream(Fragments(ShortRunDeltas, 11));
        int events = Encoding.UTF8.GetString(stream).Split("\n\n", StringSplitOptions.RemoveEmptyEntries).Length;
        return events == ShortRunEvents ? stream : throw new InvalidOperationException($"short run has {events} events, expected {ShortRunEvents}");
    }

    /// <summary>run created, queued, in_progress, step created and in_progress, message created/in_progress, the deltas, message and step completed, run completed, done.</summary>
    private static byte[] MessageStream(List<string> fragments)
    {
        const string Creation = """{"type":"message_creation","message_creation":{"message_id":"msg_QKguDb0ERalCwX44IuQhxGAy"}}""";
        StringBuilder sse = new();
        Event(sse, "thread.run.created", RunJson("queued", null));
        Event(sse, "thread.run.queued", RunJson("queued", null));
        Event(sse, "thread.run.in_progress", RunJson("in_progress", null));
        Event(sse, "thread.run.step.created", Step("in_progress", "message_creation", Creation));
        Event(sse, "thread.run.step.in_progress", Step("in_progress", "message_creation", Creation));
        Event(sse, "thread.message.created", Message("in_progress", ""));
        Event(sse, "thread.message.in_progress", Message("in_progress", ""));
        for (int i = 0; i < fragments.Count; i++)
        {
            Event(sse, "thread.message.delta", TextDelta(fragments[i], i == 0));
        }

        Event(sse, "thread.message.completed", Message("completed", string.Concat(fragments)));
        Event(sse, "thread.run.step.completed", Step("completed", "message_creation", Creation));
        Event(sse, "thread.run.completed", RunJson("completed", null));
        sse.Append("event: done\ndata: [DONE]\n\n");
        return Encoding.UTF8.GetBytes(sse.ToString());
    }

    private (byte[] Stream, int Deltas) BuildFunctionStream()
    {
        Random random = new(42);
        StringBuilder args = new("{\"location\":\"Paris, France\",\"notes\":\"");
        while (args.Length < ArgumentLength - 2)
        {
            args.Append(random.Next(6) == 0 ? ' ' : (char)('a' + random.Next(26)));
        }

        string arguments = args.Append("\"}").ToString();
        StringBuilder sse = new();
        Event(sse, "thread.run.created", RunJson("queued", null));
        Event(sse, "thread.run.queued", RunJson("queued", null));
        Event(sse, "thread.run.in_progress", RunJson("in_progress", null));
        Event(sse, "thread.run.step.created", Step("in_progress", "tool_calls", """{"type":"tool_calls","tool_calls":[]}"""));
        Event(sse, "thread.run.step.in_progress", Step("in_progress", "tool_calls", """{"type":"tool_calls","tool_calls":[]}"""));
        Event(sse, "thread.run.step.delta", """{"id":"step_hmYOAd1Lb8Bx9qzQJRN3Se63","object":"thread.run.step.delta","delta":{"step_details":{"type":"tool_calls","tool_calls":[{"index":0,"id":"call_Ijw9WuTSpuhrnIInrcUzLRsL","type":"function","function":{"name":"get_weather","arguments":"","output":null}}]}}}""");
        int deltas = 0;
        for (int i = 0; i < arguments.Length; deltas++)
        {
            int n = Math.Min(1 + random.Next(6), arguments.Length - i);
            Event(sse, "thread.run.step.delta", """{"id":"step_hmYOAd1Lb8Bx9qzQJRN3Se63","object":"thread.run.step.delta","delta":{"step_details":{"type":"tool_calls","tool_calls":[{"index":0,"type":"function","function":{"arguments":"""
                + JsonSerializer.Serialize(arguments.Substring(i, n), WireJsonContext.Default.String) + "}}]}}}");
            i += n;
        }

        string action = """{"type":"submit_tool_outputs","submit_tool_outputs":{"tool_calls":[{"id":"call_Ijw9WuTSpuhrnIInrcUzLRsL","type":"function","function":{"name":"get_weather","arguments":"""
            + JsonSerializer.Serialize(arguments, WireJsonContext.Default.String) + "}}]}}";
        Event(sse, "thread.run.requires_action", RunJson("requires_action", action));
        sse.Append("event: done\ndata: [DONE]\n\n");
        return (Encoding.UTF8.GetBytes(sse.ToString()), deltas);
    }

    private Dictionary<string, byte[]> BuildPages()
    {
        Random random = new(3);
        Dictionary<string, byte[]> pages = [];
        string after = "";
        for (int first = 0; first < MessageCount; first += PageSize)
        {
            StringBuilder page = new("""{"object":"list","data":[""");
            int last = Math.Min(MessageCount, first + PageSize) - 1;
            for (int m = first; m <= last; m++)
            {
                string text = string.Concat(Fragments(170, random.Next()));
                page.Append(m == first ? "" : ",").Append($$$"""{"id":"msg_{{{m:D24}}}","object":"thread.message","created_at":{{{1761861000 + m}}},"assistant_id":{{{(m % 2 == 0 ? "null" : $"\"{AssistantId}\"")}}},"thread_id":"{{{ThreadId}}}","run_id":{{{(m % 2 == 0 ? "null" : $"\"{RunId}\"")}}},"role":"{{{(m % 2 == 0 ? "user" : "assistant")}}}","content":[{"type":"text","text":{"value":{{{JsonSerializer.Serialize(text[..Math.Min(text.Length, 535)], WireJsonContext.Default.String)}}},"annotations":[]}}],"attachments":[],"metadata":{}}""");
            }

            page.Append($$"""],"first_id":"msg_{{first:D24}}","last_id":"msg_{{last:D24}}","has_more":{{(last < MessageCount - 1 ? "true" : "false")}}}""");
            pages[after] = Encoding.UTF8.GetBytes(page.ToString());
            after = $"msg_{last:D24}";
        }

        return pages;
    }
}
