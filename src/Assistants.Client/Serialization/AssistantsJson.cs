using System;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Assistants.Client.Internal;
using Assistants.Client.Serialization;

namespace Assistants.Client;

/// <summary>
/// Reads and writes the library's models with the same source-generated serializer the clients use (no reflection,
/// trim- and NativeAOT-safe): to store a model, log it, or send it on. A field the server left out stays out when a
/// model is written again, and properties this version does not know round-trip through
/// <see cref="JsonModel.AdditionalProperties"/>.
/// </summary>
public static class AssistantsJson
{
    /// <summary>Gets the resolver of the library's models, to combine with an application's own serializer context
    /// (for example <c>JsonTypeInfoResolver.Combine(AssistantsJson.TypeInfoResolver, MyContext.Default)</c>).</summary>
    public static IJsonTypeInfoResolver TypeInfoResolver => AssistantsJsonContext.Default;

    /// <summary>Writes a model as the server would send it.</summary>
    /// <typeparam name="T">The model type, such as <see cref="ThreadRun"/> or <see cref="VectorStore"/>.</typeparam>
    /// <param name="model">The model.</param>
    /// <returns>The JSON text.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="model"/> is null.</exception>
    /// <exception cref="NotSupportedException"><typeparamref name="T"/> is not a model of this library.</exception>
    public static string Serialize<T>(T model)
        where T : JsonModel
    {
        Argument.NotNull(model, nameof(model));
        return JsonSerializer.Serialize(model, GetTypeInfo(model.GetType(), typeof(T)));
    }

    /// <summary>Reads a model from JSON, as the clients read a response body.</summary>
    /// <typeparam name="T">The model type, such as <see cref="ThreadRun"/> or <see cref="VectorStore"/>.</typeparam>
    /// <param name="json">The JSON text.</param>
    /// <returns>The model, or <c>null</c> for the JSON <c>null</c>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> is null.</exception>
    /// <exception cref="JsonException">The text is not valid JSON for the model.</exception>
    /// <exception cref="NotSupportedException"><typeparamref name="T"/> is not a model of this library.</exception>
    public static T? Deserialize<T>(string json)
        where T : JsonModel
    {
        Argument.NotNull(json, nameof(json));
        return (T?)JsonSerializer.Deserialize(json, GetTypeInfo(typeof(T), typeof(T)));
    }

    private static JsonTypeInfo GetTypeInfo(Type runtimeType, Type declaredType)
        => AssistantsJsonContext.Default.GetTypeInfo(runtimeType)
            ?? AssistantsJsonContext.Default.GetTypeInfo(declaredType)
            ?? throw new NotSupportedException($"{declaredType.Name} is not a model of Assistants.Client.");
}
