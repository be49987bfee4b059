using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Assistants.Client.Serialization;

/// <summary>
/// The source-generated metadata of the hand-read models without their hand readers (<see cref="HandReadConverter{T}"/>):
/// what the library read them with before, and what it still reads anything unusual and writes them with. Every other
/// type resolves through <see cref="AssistantsJsonContext"/>, so nested values behave exactly as before.
/// </summary>
internal static class FallbackJson
{
    private static readonly JsonSerializerOptions s_options = new()
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        TypeInfoResolver = JsonTypeInfoResolver.Combine(FallbackJsonContext.Default, AssistantsJsonContext.Default),
    };

    public static JsonTypeInfo<ThreadMessage> ThreadMessage { get; } = (JsonTypeInfo<ThreadMessage>)s_options.GetTypeInfo(typeof(ThreadMessage));

    public static JsonTypeInfo<ThreadRun> ThreadRun { get; } = (JsonTypeInfo<ThreadRun>)s_options.GetTypeInfo(typeof(ThreadRun));
}
