using System.Text.Json;
using System.Text.Json.Serialization;

namespace Assistants.Client;

/// <summary>A tool whose type this library does not know; its JSON is kept and sent back as it came.</summary>
public sealed class UnknownToolDefinition : ToolDefinition
{
    /// <summary>Initializes an unknown tool from its raw JSON.</summary>
    /// <param name="raw">The tool's JSON object.</param>
    public UnknownToolDefinition(JsonElement raw)
        : base(Serialization.JsonDiscriminator.TypeOf(raw))
    {
        Raw = raw.Clone();
    }

    /// <summary>Gets the tool's JSON as the server sent it.</summary>
    [JsonIgnore]
    public JsonElement Raw { get; }
}
