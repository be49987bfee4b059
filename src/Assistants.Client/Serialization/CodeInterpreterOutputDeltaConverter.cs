using System;
using System.Text.Json;

namespace Assistants.Client.Serialization;

internal sealed class CodeInterpreterOutputDeltaConverter : DiscriminatedUnionConverter<CodeInterpreterOutputDelta>
{
    protected override Type? GetKnownType(ref Utf8JsonReader discriminator)
        => discriminator.ValueTextEquals("logs"u8) ? typeof(CodeInterpreterLogsOutputDelta)
        : discriminator.ValueTextEquals("image"u8) ? typeof(CodeInterpreterImageOutputDelta)
        : null;

    protected override CodeInterpreterOutputDelta CreateUnknown(JsonElement raw) => new UnknownCodeInterpreterOutputDelta(raw);

    protected override JsonElement? GetRaw(CodeInterpreterOutputDelta value) => (value as UnknownCodeInterpreterOutputDelta)?.Raw;
}
