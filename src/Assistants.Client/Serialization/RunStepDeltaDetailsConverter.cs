using System;
using System.Text.Json;

namespace Assistants.Client.Serialization;

internal sealed class RunStepDeltaDetailsConverter : DiscriminatedUnionConverter<RunStepDeltaDetails>
{
    protected override Type? GetKnownType(ref Utf8JsonReader discriminator)
        => discriminator.ValueTextEquals("message_creation"u8) ? typeof(RunStepMessageCreationDeltaDetails)
        : discriminator.ValueTextEquals("tool_calls"u8) ? typeof(RunStepToolCallsDeltaDetails)
        : null;

    protected override RunStepDeltaDetails CreateUnknown(JsonElement raw) => new UnknownRunStepDeltaDetails(raw);

    protected override JsonElement? GetRaw(RunStepDeltaDetails value) => (value as UnknownRunStepDeltaDetails)?.Raw;
}
