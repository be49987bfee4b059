using System.Text.Json;

namespace Assistants.Client.Serialization;

/// <summary>Reads the <c>type</c> discriminator of a polymorphic object kept as raw JSON.</summary>
internal static class JsonDiscriminator
{
    /// <summary>The string value of <c>type</c>, or an empty string when it is missing or not a string.</summary>
    public static string TypeOf(JsonElement raw)
        => raw.ValueKind == JsonValueKind.Object && raw.TryGetProperty("type", out JsonElement type) && type.ValueKind == JsonValueKind.String
            ? type.GetString()!
            : string.Empty;
}
