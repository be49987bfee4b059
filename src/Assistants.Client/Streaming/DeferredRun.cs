using System;
using System.Text.Json;
using Assistants.Client.Serialization;

namespace Assistants.Client.Internal;

/// <summary>
/// The data of a streamed run event, kept as bytes and deserialized into a <see cref="ThreadRun"/> only when someone
/// reads <see cref="RunUpdate.Run"/>: a stream read for its text never pays for the three or more full runs it
/// carries. What the stream itself needs (id, thread id, status) is read up front, and the whole payload is checked
/// to be well-formed JSON, so a malformed event still fails the stream where it arrives.
/// </summary>
internal sealed class DeferredRun
{
    private readonly DeferredModel<ThreadRun> _run;

    private DeferredRun(DeferredModel<ThreadRun> run, string id, string? threadId, RunStatus? status)
    {
        _run = run;
        Id = id;
        ThreadId = threadId;
        Status = status;
    }

    /// <summary>Gets the run id, empty when the payload has none (as <see cref="ThreadRun.Id"/>).</summary>
    public string Id { get; }

    public string? ThreadId { get; }

    public RunStatus? Status { get; }

    /// <summary>Scans <paramref name="data"/> (a JSON object) for the ids and status; <c>null</c> when it is not an object (the caller deserializes it at once).</summary>
    /// <exception cref="JsonException">The data is not well-formed JSON.</exception>
    public static DeferredRun? TryCreate(ReadOnlySpan<byte> data, string eventName, SecretRedactor secrets)
    {
        Utf8JsonReader reader = new(data);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            return null;
        }

        string? id = null;
        string? threadId = null;
        RunStatus? status = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            int field = reader.ValueTextEquals("id"u8) ? 1 : reader.ValueTextEquals("thread_id"u8) ? 2 : reader.ValueTextEquals("status"u8) ? 3 : 0;
            reader.Read();
            if (field == 0)
            {
                reader.Skip();
                continue;
            }

            if (reader.TokenType is not (JsonTokenType.String or JsonTokenType.Null))
            {
                // A typed field with an unexpected JSON type: the serializer reports it, as before.
                return null;
            }

            // Like the serializer, the last occurrence of a property wins.
            string? value = reader.GetString();
            switch (field)
            {
                case 1:
                    id = value;
                    break;
                case 2:
                    threadId = value;
                    break;
                default:
                    status = value is null ? default(RunStatus?) : new RunStatus(value);
                    break;
            }
        }

        // Anything after the object (or a truncated object) is an error the serializer would have raised too.
        while (reader.Read())
        {
        }

        return new DeferredRun(new DeferredModel<ThreadRun>(data.ToArray(), eventName, secrets, AssistantsJsonContext.Default.ThreadRun), id ?? string.Empty, threadId, status);
    }

    /// <exception cref="AssistantsApiException">The data is well-formed JSON but not a valid run.</exception>
    public ThreadRun Read() => _run.Read();
}
