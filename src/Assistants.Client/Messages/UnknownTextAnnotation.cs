using System.Text.Json;
using System.Text.Json.Serialization;

namespace Assistants.Client;

/// <summary>An annotation whose type this library does not know; its JSON is kept and written back as it came.</summary>
public sealed class UnknownTextAnnotation : TextAnnotation
{
    /// <summary>Initializes an unknown annotation from its raw JSON.</summary>
    /// <param name="raw">The annotation's JSON object.</param>
    public UnknownTextAnnotation(JsonElement raw)
        : base(raw.TryGetProperty("type", out JsonElement type) && type.ValueKind == JsonValueKind.String ? type.GetString()! : string.Empty)
    {
        Raw = raw.Clone();
    }

    /// <summary>Gets the annotation's JSON as the server sent it.</summary>
    [JsonIgnore]
    public JsonElement Raw { get; }
}
