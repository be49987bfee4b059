using System;
using System.Text.Json;

namespace Assistants.Client.Serialization;

internal sealed class MessageContentConverter : DiscriminatedUnionConverter<MessageContent>
{
    protected override Type? GetKnownType(ref Utf8JsonReader discriminator)
        => discriminator.ValueTextEquals("text"u8) ? typeof(MessageTextContent)
        : discriminator.ValueTextEquals("image_file"u8) ? typeof(MessageImageFileContent)
        : discriminator.ValueTextEquals("image_url"u8) ? typeof(MessageImageUrlContent)
        : discriminator.ValueTextEquals("refusal"u8) ? typeof(MessageRefusalContent)
        : null;

    protected override MessageContent CreateUnknown(JsonElement raw) => new UnknownMessageContent(raw);

    protected override JsonElement? GetRaw(MessageContent value) => (value as UnknownMessageContent)?.Raw;
}
