using System.Text.Json;
using System.Text.Json.Serialization;

namespace Assistants.Client;

/// <summary>A <see cref="RunStepDeltaDetails"/> whose type this library does not know; its JSON is kept as it came.</summary>
public sealed class UnknownRunStepDeltaDetails : RunStepDeltaDetails
{
    /// <summary>Initializes an unknown part from its raw JSON.</summary>
    /// <param name="raw">The part's JSON object.</param>
    public UnknownRunStepDeltaDetails(JsonElement raw)
        : base(Serialization.JsonDiscriminator.TypeOf(raw))
    {
        Raw = raw.Clone();
    }

    /// <summary>Gets the part's JSON as the server sent it.</summary>
    [JsonIgnore]
    public JsonElement Raw { get; }
}
