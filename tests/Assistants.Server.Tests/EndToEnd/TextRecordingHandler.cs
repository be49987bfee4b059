using System.Collections.Generic;
using System.Text;
using Assistants.Client;

namespace Assistants.Server.Tests.EndToEnd;

/// <summary>Keeps the text fragments and the status changes it saw.</summary>
internal sealed class TextRecordingHandler : AssistantEventHandler
{
    private readonly StringBuilder _text = new();

    public string Text => _text.ToString();

    public List<string> Statuses { get; } = new();

    public int Ends { get; private set; }

    protected override void OnTextDelta(string text, int contentIndex) => _text.Append(text);

    protected override void OnRunStatusChanged(ThreadRun run) => Statuses.Add(run.Status?.ToString() ?? string.Empty);

    protected override void OnEnd(ThreadRun? run) => Ends++;
}
