using System;
using System.Text.Json;

namespace Assistants.Client.Serialization;

internal sealed class RunStepDetailsConverter : DiscriminatedUnionConverter<RunStepDetails>
{
    protected override Type? GetKnownType(ref Utf8JsonReader discriminator)
        => discriminator.ValueTextEquals("message_creation"u8) ? typeof(RunStepMessageCreationDetails)
        : discriminator.ValueTextEquals("tool_calls"u8) ? typeof(RunStepToolCallDetails)
        : null;

    protected override RunStepDetails CreateUnknown(JsonElement raw) => new UnknownRunStepDetails(raw);

    protected override JsonElement? GetRaw(RunStepDetails value) => (value as UnknownRunStepDetails)?.Raw;
}
