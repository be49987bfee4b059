using System;
using System.Globalization;
using System.Text;

namespace Assistants.Client.Tests;

/// <summary>
/// Realistic, deterministic wire bodies for allocation tests and the benchmark (which links this file): shaped like
/// the recordings in <c>recordings/openai-dotnet</c> (pretty-printed JSON bodies as the service sends them; compact
/// JSON in SSE <c>data:</c> lines). A run is about 1.8 KB with two tools (one function with a JSON-schema
/// <c>parameters</c>); a page of 100 messages is about 84 KB; a short run stream has 61 events with 50 text deltas of
/// 1-6 characters.
/// </summary>
internal static class GeneratedBodies
{
    public const string ThreadId = "thread_gkKX1IBZbPQjL4hFRsW92Jlx";
    public const string AssistantId = "asst_6lRDlsgFTw5B1ApzpZO6Ugd3";
    public const string RunId = "run_SQHx3Z6TDUBXWlOChOJ76TJL";
    public const int ShortRunDeltas = 50;
    public const int ShortRunEvents = ShortRunDeltas + 11;

    /// <summary>A run as <c>GET /threads/{t}/runs/{r}</c> answers it (pretty-printed, about 1.8 KB).</summary>
    public static string Run(string status = "in_progress") => Indent(RunJson(status));

    /// <summary>A page of <paramref name="count"/> messages (pretty-printed, about 840 B each) starting at message <paramref name="first"/>.</summary>
    public static string MessagePage(int first, int count, bool hasMore)
    {
        StringBuilder json = new("{\"object\":\"list\",\"data\":[");
        for (int i = 0; i < count; i++)
        {
            json.Append(i == 0 ? string.Empty : ",").Append(MessageJson(first + i));
        }

        json.Append("],\"first_id\":\"").Append(MessageId(first)).Append("\",\"last_id\":\"").Append(MessageId(first + count - 1))
            .Append("\",\"has_more\":").Append(hasMore ? "true" : "false").Append('}');
        return Indent(json.ToString());
    }

    /// <summary>The id of the message at <paramref name="index"/> in <see cref="MessagePage"/>.</summary>
    public static string MessageId(int index) => "msg_" + index.ToString("D8", CultureInfo.InvariantCulture) + "zeFb8QbCjckAe5Ss";

    /// <summary>A short run's stream: created ... 50 text deltas of 1-6 characters ... completed, done (61 events).</summary>
    public static (string Sse, string Text) ShortRunStream(int seed = 3)
    {
        Random random = new(seed);
        StringBuilder sse = new();
        StringBuilder text = new();
        const string messageId = "msg_Ab3dXq9LmN0pQrStUvWxYz12";
        const string stepId = "step_Hk2LmN0pQrStUvWxYz345678";
        Event(sse, "thread.run.created", RunJson("queued"));
        Event(sse, "thread.run.queued", RunJson("queued"));
        Event(sse, "thread.run.in_progress", RunJson("in_progress"));
        string step = "{\"id\":\"" + stepId + "\",\"object\":\"thread.run.step\",\"created_at\":1761861901,\"run_id\":\"" + RunId + "\",\"assistant_id\":\"" + AssistantId
            + "\",\"thread_id\":\"" + ThreadId + "\",\"type\":\"message_creation\",\"status\":\"{0}\",\"cancelled_at\":null,\"completed_at\":null,\"expires_at\":1761862500,\"failed_at\":null,\"last_error\":null,"
            + "\"step_details\":{\"type\":\"message_creation\",\"message_creation\":{\"message_id\":\"" + messageId + "\"}},\"usage\":{1}}";
        Event(sse, "thread.run.step.created", step.Replace("{0}", "in_progress").Replace("{1}", "null"));
        Event(sse, "thread.run.step.in_progress", step.Replace("{0}", "in_progress").Replace("{1}", "null"));
        string message = "{\"id\":\"" + messageId + "\",\"object\":\"thread.message\",\"created_at\":1761861901,\"assistant_id\":\"" + AssistantId + "\",\"thread_id\":\"" + ThreadId
            + "\",\"run_id\":\"" + RunId + "\",\"status\":\"{0}\",\"incomplete_details\":null,\"incomplete_at\":null,\"completed_at\":{2},\"role\":\"assistant\",\"content\":[{1}],\"attachments\":[],\"metadata\":{}}";
        Event(sse, "thread.message.created", message.Replace("{0}", "in_progress").Replace("{1}", string.Empty).Replace("{2}", "null"));
        Event(sse, "thread.message.in_progress", message.Replace("{0}", "in_progress").Replace("{1}", string.Empty).Replace("{2}", "null"));
        for (int i = 0; i < ShortRunDeltas; i++)
        {
            string fragment = Word(random, 1 + random.Next(6));
            text.Append(fragment);
            sse.Append("event: thread.message.delta\ndata: {\"id\":\"").Append(messageId).Append("\",\"object\":\"thread.message.delta\",\"delta\":{\"content\":[{\"index\":0,\"type\":\"text\",\"text\":{\"value\":\"")
                .Append(fragment).Append(i == 0 ? "\",\"annotations\":[]}}]}}\n\n" : "\"}}]}}\n\n");
        }

        string content = "{\"type\":\"text\",\"text\":{\"value\":\"" + text + "\",\"annotations\":[]}}";
        Event(sse, "thread.message.completed", message.Replace("{0}", "completed").Replace("{1}", content).Replace("{2}", "1761861903"));
        Event(sse, "thread.run.step.completed", step.Replace("{0}", "completed").Replace("{1}", "{\"prompt_tokens\":120,\"completion_tokens\":50,\"total_tokens\":170}"));
        Event(sse, "thread.run.completed", RunJson("completed"));
        Event(sse, "done", "[DONE]");
        return (sse.ToString(), text.ToString());
    }

    private static void Event(StringBuilder sse, string name, string data) => sse.Append("event: ").Append(name).Append("\ndata: ").Append(data).Append("\n\n");

    private static string Word(Random random, int length)
    {
        char[] chars = new char[length];
        for (int i = 0; i < length; i++)
        {
            chars[i] = i == 0 && random.Next(3) == 0 ? ' ' : (char)('a' + random.Next(26));
        }

        return new string(chars);
    }

    private static string RunJson(string status)
    {
        bool completed = status == "completed";
        return "{\"id\":\"" + RunId + "\",\"object\":\"thread.run\",\"created_at\":1761861900,\"assistant_id\":\"" + AssistantId + "\",\"thread_id\":\"" + ThreadId
            + "\",\"status\":\"" + status + "\",\"started_at\":" + (status == "queued" ? "null" : "1761861901") + ",\"expires_at\":" + (completed ? "null" : "1761862500")
            + ",\"cancelled_at\":null,\"failed_at\":null,\"completed_at\":" + (completed ? "1761861903" : "null") + ",\"required_action\":null,\"last_error\":null,\"model\":\"gpt-4o\","
            + "\"instructions\":\"You are a helpful assistant that answers questions about the user's favourite foods. Call the function when a day of the week is named.\","
            + "\"tools\":[{\"type\":\"code_interpreter\"},{\"type\":\"function\",\"function\":{\"name\":\"get_favorite_food_for_day_of_week\",\"description\":\"gets the user's favorite food for a given day of the week, like Tuesday\","
            + "\"parameters\":{\"type\":\"object\",\"properties\":{\"day_of_week\":{\"type\":\"string\",\"description\":\"a day of the week, like Tuesday or Saturday\"},"
            + "\"include_drinks\":{\"type\":\"boolean\",\"description\":\"whether to include the drink served with it\"}},\"required\":[\"day_of_week\"],\"additionalProperties\":false},\"strict\":false}}],"
            + "\"tool_resources\":{\"code_interpreter\":{\"file_ids\":[]}},\"metadata\":{\"session\":\"benchmark\"},\"temperature\":1.0,\"top_p\":1.0,\"reasoning_effort\":null,"
            + "\"max_completion_tokens\":null,\"max_prompt_tokens\":null,\"truncation_strategy\":{\"type\":\"auto\",\"last_messages\":null},\"incomplete_details\":null,"
            + "\"usage\":" + (completed ? "{\"prompt_tokens\":120,\"completion_tokens\":50,\"total_tokens\":170,\"prompt_token_details\":{\"cached_tokens\":0},\"completion_tokens_details\":{\"reasoning_tokens\":0}}" : "null")
            + ",\"response_format\":\"auto\",\"tool_choice\":\"auto\",\"parallel_tool_calls\":true}";
    }

    private static string MessageJson(int index)
    {
        bool user = index % 2 == 0;
        string value = user
            ? "What is my favourite food on day " + index.ToString(CultureInfo.InvariantCulture) + " of the week? Please answer with the dish and, if you know it, the drink that goes with it. I am planning the meals for the whole week and would like to know what to buy at the market on Saturday morning, so a short list of the ingredients would help too."
            : "On that day your favourite food is a bowl of ramen with a soft egg, spring onions and a little chilli oil, and you usually drink a cup of green tea with it. For the market you need fresh noodles, four eggs, a bunch of spring onions, chilli oil, miso paste and a piece of ginger; the tea you already have at home. Enjoy!";
        return "{\"id\":\"" + MessageId(index) + "\",\"object\":\"thread.message\",\"created_at\":" + (1761861820 + index).ToString(CultureInfo.InvariantCulture)
            + ",\"assistant_id\":" + (user ? "null" : "\"" + AssistantId + "\"") + ",\"thread_id\":\"" + ThreadId + "\",\"run_id\":" + (user ? "null" : "\"" + RunId + "\"")
            + ",\"role\":\"" + (user ? "user" : "assistant") + "\",\"content\":[{\"type\":\"text\",\"text\":{\"value\":\"" + value + "\",\"annotations\":[]}}],"
            + "\"attachments\":[],\"metadata\":{}}";
    }

    /// <summary>Pretty-prints compact JSON with two-space indents and <c>": "</c>, as the service answers.</summary>
    private static string Indent(string json)
    {
        StringBuilder output = new(json.Length * 2);
        int depth = 0;
        bool inString = false;
        for (int i = 0; i < json.Length; i++)
        {
            char c = json[i];
            if (inString)
            {
                output.Append(c);
                if (c == '\\')
                {
                    output.Append(json[++i]);
                }
                else if (c == '"')
                {
                    inString = false;
                }

                continue;
            }

            switch (c)
            {
                case '"':
                    inString = true;
                    output.Append(c);
                    break;
                case '{' or '[':
                    if (json[i + 1] is '}' or ']')
                    {
                        output.Append(c).Append(json[++i]);
                        break;
                    }

                    output.Append(c).Append('\n').Append(' ', 2 * ++depth);
                    break;
                case '}' or ']':
                    output.Append('\n').Append(' ', 2 * --depth).Append(c);
                    break;
                case ',':
                    output.Append(",\n").Append(' ', 2 * depth);
                    break;
                case ':':
                    output.Append(": ");
                    break;
                default:
                    output.Append(c);
                    break;
            }
        }

        return output.ToString();
    }
}
