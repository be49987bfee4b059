using System;
using System.Text.Json;

namespace Assistants.Client.Serialization;

internal sealed class RunStepToolCallDeltaConverter : DiscriminatedUnionConverter<RunStepToolCallDelta>
{
    protected override Type? GetKnownType(ref Utf8JsonReader discriminator)
        => discriminator.ValueTextEquals("function"u8) ? typeof(RunStepFunctionToolCallDelta)
        : discriminator.ValueTextEquals("code_interpreter"u8) ? typeof(RunStepCodeInterpreterToolCallDelta)
        : discriminator.ValueTextEquals("file_search"u8) ? typeof(RunStepFileSearchToolCallDelta)
        : null;

    protected override RunStepToolCallDelta CreateUnknown(JsonElement raw) => new UnknownRunStepToolCallDelta(raw);

    protected override JsonElement? GetRaw(RunStepToolCallDelta value) => (value as UnknownRunStepToolCallDelta)?.Raw;
}
