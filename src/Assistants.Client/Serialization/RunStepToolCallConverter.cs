using System;
using System.Text.Json;

namespace Assistants.Client.Serialization;

internal sealed class RunStepToolCallConverter : DiscriminatedUnionConverter<RunStepToolCall>
{
    protected override Type? GetKnownType(ref Utf8JsonReader discriminator)
        => discriminator.ValueTextEquals("function"u8) ? typeof(RunStepFunctionToolCall)
        : discriminator.ValueTextEquals("code_interpreter"u8) ? typeof(RunStepCodeInterpreterToolCall)
        : discriminator.ValueTextEquals("file_search"u8) ? typeof(RunStepFileSearchToolCall)
        : null;

    protected override RunStepToolCall CreateUnknown(JsonElement raw) => new UnknownRunStepToolCall(raw);

    protected override JsonElement? GetRaw(RunStepToolCall value) => (value as UnknownRunStepToolCall)?.Raw;
}
