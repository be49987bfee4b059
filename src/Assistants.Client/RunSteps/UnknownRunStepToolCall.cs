using System.Text.Json;
using System.Text.Json.Serialization;

namespace Assistants.Client;

/// <summary>A tool call whose type this library does not know; its JSON is kept and written back as it came.</summary>
public sealed class UnknownRunStepToolCall : RunStepToolCall
{
    /// <summary>Initializes an unknown value from its raw JSON.</summary>
    /// <param name="raw">The JSON object.</param>
    public UnknownRunStepToolCall(JsonElement raw)
        : base(Serialization.JsonDiscriminator.TypeOf(raw))
    {
        Raw = raw.Clone();
        Id = raw.TryGetProperty("id", out JsonElement id) && id.ValueKind == JsonValueKind.String ? id.GetString() : null;
    }

    /// <summary>Gets the JSON as the server sent it.</summary>
    [JsonIgnore]
    public JsonElement Raw { get; }
}
