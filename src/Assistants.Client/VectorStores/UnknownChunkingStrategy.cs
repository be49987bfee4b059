using System.Text.Json;
using System.Text.Json.Serialization;

namespace Assistants.Client;

/// <summary>A chunking strategy whose type this library does not know; its JSON is kept and sent back as it came.</summary>
public sealed class UnknownChunkingStrategy : ChunkingStrategy
{
    /// <summary>Initializes an unknown strategy from its raw JSON.</summary>
    /// <param name="raw">The strategy's JSON object.</param>
    public UnknownChunkingStrategy(JsonElement raw)
        : base(new ChunkingStrategyKind(Serialization.JsonDiscriminator.TypeOf(raw)))
    {
        Raw = raw.Clone();
    }

    /// <summary>Gets the strategy's JSON as the server sent it.</summary>
    [JsonIgnore]
    public JsonElement Raw { get; }
}
