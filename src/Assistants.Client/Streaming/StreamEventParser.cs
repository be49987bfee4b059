using System;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Assistants.Client.Serialization;

namespace Assistants.Client.Internal;

/// <summary>
/// Turns one server-sent event (its name and the UTF-8 bytes of its data) into a typed update, straight from the
/// bytes. <c>done</c> / <c>[DONE]</c> yields <see cref="Done"/>, <c>error</c> throws, unknown names become
/// <see cref="UnknownStreamingUpdate"/>. An event without an <c>event:</c> field is typed by its data's <c>object</c>.
/// One instance per stream: it remembers the last message and step ids so deltas of one message or step share one id string.
/// </summary>
internal sealed class StreamEventParser
{
    private const int ExcerptLength = 200;

    private readonly Func<bool>? _endedMidEvent;
    private readonly SecretRedactor _secrets;
    private string? _lastMessageId;
    private string? _lastStepId;

    /// <param name="endedMidEvent">Says whether the body ended in the middle of an event.</param>
    /// <param name="secrets">The client's secrets, masked in every exception the stream raises (<c>null</c>: none).</param>
    public StreamEventParser(Func<bool>? endedMidEvent = null, SecretRedactor? secrets = null)
    {
        _endedMidEvent = endedMidEvent;
        _secrets = secrets ?? SecretRedactor.None;
    }

    /// <summary>The sentinel for the end of the stream.</summary>
    public static StreamingUpdate Done { get; } = new UnknownStreamingUpdate(StreamingEventType.Done, Array.Empty<byte>());

    public StreamingUpdate Parse(string eventName, ReadOnlySpan<byte> data)
    {
        if (_endedMidEvent?.Invoke() == true)
        {
            throw StreamEndedEarlyException.Create(eventName);
        }

        if (data.SequenceEqual("[DONE]"u8) || eventName == "done")
        {
            return Done;
        }

        StreamingEventType type = StreamingEventType.FromName(eventName);
        try
        {
            if (type == StreamingEventType.MessageDelta)
            {
                return MessageDeltaFastReader.TryRead(data, ref _lastMessageId)
                    ?? new MessageDeltaUpdate(Read(data, AssistantsJsonContext.Default.MessageDelta));
            }

            if (type == StreamingEventType.RunStepDelta)
            {
                return RunStepDeltaFastReader.TryRead(data, ref _lastStepId)
                    ?? new RunStepDeltaUpdate(Read(data, AssistantsJsonContext.Default.RunStepDelta));
            }

            if (type == StreamingEventType.Error)
            {
                throw CreateError(data);
            }

            if (eventName == "message")
            {
                return ParseByObject(eventName, data);
            }

            return ParseTyped(type, eventName, data);
        }
        catch (JsonException ex)
        {
            throw InvalidData(eventName, data, ex, _secrets);
        }
    }

    /// <summary>The exception for an event whose data does not deserialize (only this path pays for redaction: the data is masked before its excerpt is cut).</summary>
    internal static AssistantsApiException InvalidData(string eventName, ReadOnlySpan<byte> data, JsonException ex, SecretRedactor secrets)
        => new(
            secrets.Redact($"The stream's '{eventName}' event has data that is not valid JSON for that event: {ex.Message} Data starts: {Excerpt(secrets.Redact(data))}"),
            secrets.Redact(ex));

    internal static string Excerpt(ReadOnlySpan<byte> data)
    {
        int length = Math.Min(data.Length, ExcerptLength * 4);
        string text = Encoding.UTF8.GetString(data.Slice(0, length).ToArray());
        return text.Length <= ExcerptLength && length == data.Length ? text : text.Substring(0, Math.Min(text.Length, ExcerptLength)) + "...";
    }

    private StreamingUpdate ParseTyped(StreamingEventType type, string eventName, ReadOnlySpan<byte> data)
    {
        if (!type.IsKnown)
        {
            return new UnknownStreamingUpdate(type, data.ToArray());
        }

        if (type == StreamingEventType.ThreadCreated)
        {
            return new ThreadCreatedUpdate(Read(data, AssistantsJsonContext.Default.AssistantThread));
        }

        if (type == StreamingEventType.RunStepDelta)
        {
            return new RunStepDeltaUpdate(Read(data, AssistantsJsonContext.Default.RunStepDelta));
        }

        if (eventName.StartsWith("thread.run.step.", StringComparison.Ordinal))
        {
            // Deferred like runs: the step is deserialized only when someone reads RunStepUpdate.RunStep.
            return DeferredModel<RunStep>.TryCreate(data, eventName, _secrets, AssistantsJsonContext.Default.RunStep) is { } deferred
                ? new RunStepUpdate(type, deferred)
                : new RunStepUpdate(type, Read(data, AssistantsJsonContext.Default.RunStep));
        }

        if (eventName.StartsWith("thread.run.", StringComparison.Ordinal))
        {
            // Deferred: the run is deserialized only when someone reads RunUpdate.Run.
            return DeferredRun.TryCreate(data, eventName, _secrets) is { } deferred
                ? new RunUpdate(type, deferred)
                : new RunUpdate(type, Read(data, AssistantsJsonContext.Default.ThreadRun));
        }

        if (eventName.StartsWith("thread.message.", StringComparison.Ordinal))
        {
            return DeferredModel<ThreadMessage>.TryCreate(data, eventName, _secrets, AssistantsJsonContext.Default.ThreadMessage) is { } deferred
                ? new MessageUpdate(type, deferred)
                : new MessageUpdate(type, Read(data, AssistantsJsonContext.Default.ThreadMessage));
        }

        return new UnknownStreamingUpdate(type, data.ToArray());
    }

    // The SSE default event name "message": a server that sends no "event:" field. The data's "object" (and, for
    // runs, steps and messages, its "status") names the event the way the "event:" field would have.
    private StreamingUpdate ParseByObject(string eventName, ReadOnlySpan<byte> data)
    {
        string? objectName = null;
        string? status = null;
        Utf8JsonReader reader = new(data);
        if (reader.Read() && reader.TokenType == JsonTokenType.StartObject)
        {
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                bool isObject = reader.ValueTextEquals("object"u8);
                bool isStatus = reader.ValueTextEquals("status"u8);
                reader.Read();
                if ((isObject || isStatus) && reader.TokenType == JsonTokenType.String)
                {
                    if (isObject)
                    {
                        objectName = reader.GetString();
                    }
                    else
                    {
                        status = reader.GetString();
                    }
                }
                else
                {
                    reader.Skip();
                }
            }
        }

        string? name = objectName switch
        {
            "thread" => "thread.created",
            "thread.message.delta" => "thread.message.delta",
            "thread.run.step.delta" => "thread.run.step.delta",
            "thread.run" or "thread.run.step" or "thread.message" when status is not null => objectName + "." + status,
            _ => null,
        };
        if (name is null)
        {
            return new UnknownStreamingUpdate(StreamingEventType.FromName(eventName), data.ToArray());
        }

        return name == "thread.message.delta"
            ? Parse(name, data)
            : ParseTyped(StreamingEventType.FromName(name), name, data);
    }

    private AssistantsApiException CreateError(ReadOnlySpan<byte> data)
    {
        // Masked before anything is parsed or kept, so the raw data, the error object and the message are all clean.
        data = _secrets.Redact(data);
        ApiError? error = _secrets.Redact(ApiErrorFactory.TryParseError(data));
        string raw = Encoding.UTF8.GetString(data.ToArray());
        string message = error is null
            ? "The stream reported an error: " + Excerpt(data)
            : "The stream reported an error" + (error.Code is { } code ? " [" + code + "]" : string.Empty) + ": " + (error.Message ?? error.Type ?? "no message");
        return new AssistantsApiException(_secrets.Redact(message), error, null, _secrets.Redact(raw));
    }

    private static T Read<T>(ReadOnlySpan<byte> data, JsonTypeInfo<T> typeInfo)
        where T : class
        => JsonSerializer.Deserialize(data, typeInfo) ?? throw new JsonException("The data is the JSON literal null.");
}
