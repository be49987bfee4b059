using System.Text.Json.Serialization;

namespace Assistants.Client;

/// <summary>Text the code printed (<c>logs</c>).</summary>
public sealed class RunStepCodeInterpreterLogOutput : RunStepCodeInterpreterOutput
{
    /// <summary>Initializes an empty value, as deserialization and tests build it.</summary>
    public RunStepCodeInterpreterLogOutput()
        : base("logs")
    {
    }

    /// <summary>Gets the text output.</summary>
    [JsonPropertyName("logs")]
    public string? Logs { get; init; }
}
