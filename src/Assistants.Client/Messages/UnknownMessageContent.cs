using System.Text.Json;
using System.Text.Json.Serialization;

namespace Assistants.Client;

/// <summary>A content part whose type this library does not know; its JSON is kept and written back as it came.</summary>
public sealed class UnknownMessageContent : MessageContent
{
    /// <summary>Initializes an unknown content part from its raw JSON.</summary>
    /// <param name="raw">The part's JSON object.</param>
    public UnknownMessageContent(JsonElement raw)
        : base(Serialization.JsonDiscriminator.TypeOf(raw))
    {
        Raw = raw.Clone();
    }

    /// <summary>Gets the part's JSON as the server sent it.</summary>
    [JsonIgnore]
    public JsonElement Raw { get; }
}
