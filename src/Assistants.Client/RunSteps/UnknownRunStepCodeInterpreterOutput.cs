using System.Text.Json;
using System.Text.Json.Serialization;

namespace Assistants.Client;

/// <summary>A code interpreter output whose type this library does not know; its JSON is kept and written back as it came.</summary>
public sealed class UnknownRunStepCodeInterpreterOutput : RunStepCodeInterpreterOutput
{
    /// <summary>Initializes an unknown value from its raw JSON.</summary>
    /// <param name="raw">The JSON object.</param>
    public UnknownRunStepCodeInterpreterOutput(JsonElement raw)
        : base(Serialization.JsonDiscriminator.TypeOf(raw))
    {
        Raw = raw.Clone();
    }

    /// <summary>Gets the JSON as the server sent it.</summary>
    [JsonIgnore]
    public JsonElement Raw { get; }
}
