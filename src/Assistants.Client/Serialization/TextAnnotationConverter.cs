using System;
using System.Text.Json;

namespace Assistants.Client.Serialization;

internal sealed class TextAnnotationConverter : DiscriminatedUnionConverter<TextAnnotation>
{
    protected override Type? GetKnownType(ref Utf8JsonReader discriminator)
        => discriminator.ValueTextEquals("file_citation"u8) ? typeof(FileCitationAnnotation)
        : discriminator.ValueTextEquals("file_path"u8) ? typeof(FilePathAnnotation)
        : null;

    protected override TextAnnotation CreateUnknown(JsonElement raw) => new UnknownTextAnnotation(raw);

    protected override JsonElement? GetRaw(TextAnnotation value) => (value as UnknownTextAnnotation)?.Raw;
}
