using System;
using System.Text.Json;

namespace Assistants.Client.Serialization;

internal sealed class MessageContentDeltaConverter : DiscriminatedUnionConverter<MessageContentDelta>
{
    protected override Type? GetKnownType(ref Utf8JsonReader discriminator)
        => discriminator.ValueTextEquals("text"u8) ? typeof(MessageTextContentDelta)
        : discriminator.ValueTextEquals("image_file"u8) ? typeof(MessageImageFileContentDelta)
        : discriminator.ValueTextEquals("image_url"u8) ? typeof(MessageImageUrlContentDelta)
        : discriminator.ValueTextEquals("refusal"u8) ? typeof(MessageRefusalContentDelta)
        : null;

    protected override MessageContentDelta CreateUnknown(JsonElement raw) => new UnknownMessageContentDelta(raw);

    protected override JsonElement? GetRaw(MessageContentDelta value) => (value as UnknownMessageContentDelta)?.Raw;
}
