using System;
using System.Text.Json;

namespace Assistants.Client.Serialization;

internal sealed class ToolDefinitionConverter : DiscriminatedUnionConverter<ToolDefinition>
{
    protected override Type? GetKnownType(ref Utf8JsonReader discriminator)
        => discriminator.ValueTextEquals("function"u8) ? typeof(FunctionToolDefinition)
        : discriminator.ValueTextEquals("code_interpreter"u8) ? typeof(CodeInterpreterToolDefinition)
        : discriminator.ValueTextEquals("file_search"u8) ? typeof(FileSearchToolDefinition)
        : null;

    protected override ToolDefinition CreateUnknown(JsonElement raw) => new UnknownToolDefinition(raw);

    protected override JsonElement? GetRaw(ToolDefinition value) => (value as UnknownToolDefinition)?.Raw;
}
