using System;
using System.Text.Json;

namespace Assistants.Client.Serialization;

internal sealed class ChunkingStrategyConverter : DiscriminatedUnionConverter<ChunkingStrategy>
{
    protected override Type? GetKnownType(ref Utf8JsonReader discriminator)
        => discriminator.ValueTextEquals("static"u8) ? typeof(StaticChunkingStrategy)
        : discriminator.ValueTextEquals("auto"u8) ? typeof(AutoChunkingStrategy)
        : discriminator.ValueTextEquals("other"u8) ? typeof(OtherChunkingStrategy)
        : null;

    protected override ChunkingStrategy CreateUnknown(JsonElement raw) => new UnknownChunkingStrategy(raw);

    protected override JsonElement? GetRaw(ChunkingStrategy value) => (value as UnknownChunkingStrategy)?.Raw;
}
