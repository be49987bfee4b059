using System.Text.Json;
using System.Text.Json.Serialization;

namespace Assistants.Client;

/// <summary>
/// An annotation whose type this library does not know (such as <c>url_citation</c>); its JSON is kept and written back
/// as it came, and the span it covers is still read into <see cref="TextAnnotation.Text"/>, <see cref="TextAnnotation.StartIndex"/>
/// and <see cref="TextAnnotation.EndIndex"/>.
/// </summary>
public sealed class UnknownTextAnnotation : TextAnnotation
{
    /// <summary>Initializes an unknown annotation from its raw JSON.</summary>
    /// <param name="raw">The annotation's JSON object.</param>
    public UnknownTextAnnotation(JsonElement raw)
        : base(Serialization.JsonDiscriminator.TypeOf(raw))
    {
        Raw = raw.Clone();
        Text = raw.TryGetProperty("text", out JsonElement text) && text.ValueKind == JsonValueKind.String ? text.GetString() : null;
        StartIndex = raw.TryGetProperty("start_index", out JsonElement start) && start.ValueKind == JsonValueKind.Number && start.TryGetInt32(out int s) ? s : null;
        EndIndex = raw.TryGetProperty("end_index", out JsonElement end) && end.ValueKind == JsonValueKind.Number && end.TryGetInt32(out int e) ? e : null;
    }

    /// <summary>Gets the annotation's JSON as the server sent it.</summary>
    [JsonIgnore]
    public JsonElement Raw { get; }
}
