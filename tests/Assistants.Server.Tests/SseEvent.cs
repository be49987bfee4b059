using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;

namespace Assistants.Server.Tests;

/// <summary>One server-sent event, parsed from the stream text (LF framing, as the service writes it).</summary>
internal sealed record SseEvent(string Name, string Data)
{
    public JsonObject? Json => Data == "[DONE]" ? null : (JsonObject?)JsonNode.Parse(Data);

    public static List<SseEvent> Parse(string text)
    {
        List<SseEvent> events = [];
        foreach (string block in text.Split("\n\n").Where(block => block.Length > 0))
        {
            string[] lines = block.Split('\n');
            string name = lines.First(line => line.StartsWith("event: ")).Substring("event: ".Length);
            string data = string.Join("\n", lines.Where(line => line.StartsWith("data: ")).Select(line => line.Substring("data: ".Length)));
            events.Add(new SseEvent(name, data));
        }

        return events;
    }

    /// <summary>Event names with runs of the same delta event collapsed, since chunking differs between models.</summary>
    public static List<string> Shape(IEnumerable<SseEvent> events)
    {
        List<string> names = [];
        foreach (SseEvent item in events)
        {
            if (names.Count == 0 || names[^1] != item.Name || !item.Name.EndsWith(".delta"))
            {
                names.Add(item.Name);
            }
        }

        return names;
    }
}
