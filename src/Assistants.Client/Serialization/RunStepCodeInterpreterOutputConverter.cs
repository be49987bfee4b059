using System;
using System.Text.Json;

namespace Assistants.Client.Serialization;

internal sealed class RunStepCodeInterpreterOutputConverter : DiscriminatedUnionConverter<RunStepCodeInterpreterOutput>
{
    protected override Type? GetKnownType(ref Utf8JsonReader discriminator)
        => discriminator.ValueTextEquals("logs"u8) ? typeof(RunStepCodeInterpreterLogOutput)
        : discriminator.ValueTextEquals("image"u8) ? typeof(RunStepCodeInterpreterImageOutput)
        : null;

    protected override RunStepCodeInterpreterOutput CreateUnknown(JsonElement raw) => new UnknownRunStepCodeInterpreterOutput(raw);

    protected override JsonElement? GetRaw(RunStepCodeInterpreterOutput value) => (value as UnknownRunStepCodeInterpreterOutput)?.Raw;
}
