using System.Text.Json.Serialization;

namespace Assistants.Client.Serialization;

/// <summary>
/// The source-generated metadata of the hand-read models, for <see cref="FallbackJson"/> (no converters registered).
/// Metadata only: a fast-path writer would resolve nested types through this context's own options, which lack the
/// polymorphic subtypes <see cref="AssistantsJsonContext"/> declares.
/// </summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull, GenerationMode = JsonSourceGenerationMode.Metadata)]
[JsonSerializable(typeof(ThreadMessage))]
[JsonSerializable(typeof(ThreadRun))]
internal sealed partial class FallbackJsonContext : JsonSerializerContext
{
}
