using System.Text.Json;
using System.Text.Json.Serialization;

namespace Assistants.Client;

/// <summary>A <see cref="TextAnnotationDelta"/> whose type this library does not know; its JSON is kept as it came.</summary>
public sealed class UnknownTextAnnotationDelta : TextAnnotationDelta
{
    /// <summary>Initializes an unknown part from its raw JSON.</summary>
    /// <param name="raw">The part's JSON object.</param>
    public UnknownTextAnnotationDelta(JsonElement raw)
        : base(Serialization.JsonDiscriminator.TypeOf(raw))
    {
        Raw = raw.Clone();
        Index = raw.TryGetProperty("index", out JsonElement index) && index.ValueKind == JsonValueKind.Number && index.TryGetInt32(out int i) ? i : 0;
    }

    /// <summary>Gets the part's JSON as the server sent it.</summary>
    [JsonIgnore]
    public JsonElement Raw { get; }
}
