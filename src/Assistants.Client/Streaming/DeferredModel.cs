using System;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Assistants.Client.Internal;

/// <summary>
/// The data of a streamed <c>thread.message.*</c> or <c>thread.run.step.*</c> event, kept as bytes and deserialized
/// only when someone reads <see cref="MessageUpdate.Message"/> or <see cref="RunStepUpdate.RunStep"/>, as
/// <see cref="DeferredRun"/> does for runs: a stream read for its text never pays for the message and step objects.
/// The payload is checked to be one well-formed JSON object when it arrives, so malformed data still fails the stream
/// where it is.
/// </summary>
/// <typeparam name="T">The model.</typeparam>
internal sealed class DeferredModel<T>
    where T : class
{
    private readonly byte[] _data;
    private readonly string _eventName;
    private readonly SecretRedactor _secrets;
    private readonly JsonTypeInfo<T> _typeInfo;
    private T? _value;

    /// <summary>Keeps <paramref name="data"/>, already checked to be one well-formed JSON object, for <see cref="Read"/>.</summary>
    internal DeferredModel(byte[] data, string eventName, SecretRedactor secrets, JsonTypeInfo<T> typeInfo)
    {
        _data = data;
        _eventName = eventName;
        _secrets = secrets;
        _typeInfo = typeInfo;
    }

    /// <summary>Checks that <paramref name="data"/> is one JSON object; <c>null</c> when it is not (the caller deserializes it at once).</summary>
    /// <exception cref="JsonException">The data is not well-formed JSON.</exception>
    public static DeferredModel<T>? TryCreate(ReadOnlySpan<byte> data, string eventName, SecretRedactor secrets, JsonTypeInfo<T> typeInfo)
    {
        Utf8JsonReader reader = new(data);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            return null;
        }

        // Anything after the object (or a truncated object) is an error the serializer would have raised too.
        while (reader.Read())
        {
        }

        return new DeferredModel<T>(data.ToArray(), eventName, secrets, typeInfo);
    }

    /// <summary>Deserializes the model the first time it is asked for; later reads return the same instance.</summary>
    /// <exception cref="AssistantsApiException">The data is well-formed JSON but not a valid model.</exception>
    public T Read()
    {
        if (_value is { } value)
        {
            return value;
        }

        try
        {
            value = JsonSerializer.Deserialize(_data, _typeInfo) ?? throw new JsonException("The data is the JSON literal null.");
        }
        catch (JsonException ex)
        {
            throw StreamEventParser.InvalidData(_eventName, _data, ex, _secrets);
        }

        return System.Threading.Interlocked.CompareExchange(ref _value, value, null) ?? value;
    }
}
