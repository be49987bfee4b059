using System.Text.Json.Serialization;

namespace Assistants.Client;

/// <summary>Log text from a streamed code interpreter call (<c>type: logs</c>).</summary>
public sealed class CodeInterpreterLogsOutputDelta : CodeInterpreterOutputDelta
{
    /// <summary>Initializes an empty delta part of type <c>logs</c>.</summary>
    public CodeInterpreterLogsOutputDelta()
        : base("logs")
    {
    }

    /// <summary>Gets the log text to append.</summary>
    [JsonPropertyName("logs")]
    public string? Logs { get; init; }
}
