using System;
using System.Text.Json;

namespace Assistants.Client.Serialization;

internal sealed class TextAnnotationDeltaConverter : DiscriminatedUnionConverter<TextAnnotationDelta>
{
    protected override Type? GetKnownType(ref Utf8JsonReader discriminator)
        => discriminator.ValueTextEquals("file_citation"u8) ? typeof(FileCitationAnnotationDelta)
        : discriminator.ValueTextEquals("file_path"u8) ? typeof(FilePathAnnotationDelta)
        : null;

    protected override TextAnnotationDelta CreateUnknown(JsonElement raw) => new UnknownTextAnnotationDelta(raw);

    protected override JsonElement? GetRaw(TextAnnotationDelta value) => (value as UnknownTextAnnotationDelta)?.Raw;
}
