using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using Assistants.Client.Serialization;
using NUnit.Framework;

namespace Assistants.Client.Tests.Replay;

/// <summary>
/// The full message objects carried by recorded <c>thread.message.created</c>, <c>in_progress</c>, <c>completed</c>
/// and <c>incomplete</c> events (the only place the wire sends a message's status and completion times) read into
/// <see cref="ThreadMessage"/> and write back with no loss.
/// </summary>
[TestFixture]
[Category("Replay")]
public sealed class StreamedMessageReplayTests
{
    [Test]
    public void StreamedMessageObjects_RoundTripWithoutLoss()
    {
        int replayed = 0;
        List<string> failures = new();
        foreach (RecordedEntry entry in Recordings.All.Where(e => e.IsStream))
        {
            foreach ((string name, string data) in Events(entry.StreamText))
            {
                if (!name.StartsWith("thread.message.", StringComparison.Ordinal) || name == "thread.message.delta")
                {
                    continue;
                }

                replayed++;
                ThreadMessage message = JsonSerializer.Deserialize(data, AssistantsJsonContext.Default.ThreadMessage)!;
                if (message.Status is null)
                {
                    failures.Add($"{entry} {name}: no status");
                }

                string written = JsonSerializer.Serialize(message, AssistantsJsonContext.Default.ThreadMessage);
                failures.AddRange(JsonAssert.Differences(data, written, nullEqualsAbsent: true).Select(d => $"{entry} {name}: {d}"));
            }
        }

        TestContext.Out.WriteLine($"{replayed} streamed message objects replayed");
        Assert.That(replayed, Is.GreaterThan(0));
        Assert.That(failures, Is.Empty, string.Join(Environment.NewLine, failures));
    }

    /// <summary>The (event, data) pairs of a recorded SSE body, for the replay tests.</summary>
    internal static IEnumerable<(string Name, string Data)> Events(string text)
    {
        foreach (string block in text.Replace("\r\n", "\n").Split(new[] { "\n\n" }, StringSplitOptions.RemoveEmptyEntries))
        {
            string? name = null;
            string? data = null;
            foreach (string line in block.Split('\n'))
            {
                if (line.StartsWith("event: ", StringComparison.Ordinal))
                {
                    name = line.Substring(7);
                }
                else if (line.StartsWith("data: ", StringComparison.Ordinal))
                {
                    data = line.Substring(6);
                }
            }

            if (name is not null && data is not null)
            {
                yield return (name, data);
            }
        }
    }
}
