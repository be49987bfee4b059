using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Text.Json.Serialization;
using Assistants.Client.Serialization;

namespace Assistants.Client;

/// <summary>
/// The name of a server-sent event of a run stream (<c>thread.run.created</c>, <c>thread.message.delta</c>, ...).
/// All 25 names of the protocol are known values; any other name passes through as it came.
/// </summary>
[JsonConverter(typeof(StreamingEventTypeConverter))]
public readonly struct StreamingEventType : IEquatable<StreamingEventType>
{
    private static readonly Dictionary<string, StreamingEventType> s_known = new(StringComparer.Ordinal);

    private readonly string? _value;

    /// <summary>Initializes a new value from its wire string.</summary>
    /// <param name="value">The wire string.</param>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is null.</exception>
    public StreamingEventType(string value) => _value = value ?? throw new ArgumentNullException(nameof(value));

    /// <summary><c>thread.created</c>: a thread was created (create thread and run).</summary>
    public static StreamingEventType ThreadCreated { get; } = Known("thread.created");

    /// <summary><c>thread.run.created</c>.</summary>
    public static StreamingEventType RunCreated { get; } = Known("thread.run.created");

    /// <summary><c>thread.run.queued</c>.</summary>
    public static StreamingEventType RunQueued { get; } = Known("thread.run.queued");

    /// <summary><c>thread.run.in_progress</c>.</summary>
    public static StreamingEventType RunInProgress { get; } = Known("thread.run.in_progress");

    /// <summary><c>thread.run.requires_action</c>: the run waits for tool outputs; the stream ends after it.</summary>
    public static StreamingEventType RunRequiresAction { get; } = Known("thread.run.requires_action");

    /// <summary><c>thread.run.completed</c>.</summary>
    public static StreamingEventType RunCompleted { get; } = Known("thread.run.completed");

    /// <summary><c>thread.run.incomplete</c>.</summary>
    public static StreamingEventType RunIncomplete { get; } = Known("thread.run.incomplete");

    /// <summary><c>thread.run.failed</c>.</summary>
    public static StreamingEventType RunFailed { get; } = Known("thread.run.failed");

    /// <summary><c>thread.run.cancelling</c>.</summary>
    public static StreamingEventType RunCancelling { get; } = Known("thread.run.cancelling");

    /// <summary><c>thread.run.cancelled</c>.</summary>
    public static StreamingEventType RunCancelled { get; } = Known("thread.run.cancelled");

    /// <summary><c>thread.run.expired</c>.</summary>
    public static StreamingEventType RunExpired { get; } = Known("thread.run.expired");

    /// <summary><c>thread.run.step.created</c>.</summary>
    public static StreamingEventType RunStepCreated { get; } = Known("thread.run.step.created");

    /// <summary><c>thread.run.step.in_progress</c>.</summary>
    public static StreamingEventType RunStepInProgress { get; } = Known("thread.run.step.in_progress");

    /// <summary><c>thread.run.step.delta</c>: a change to a streaming run step.</summary>
    public static StreamingEventType RunStepDelta { get; } = Known("thread.run.step.delta");

    /// <summary><c>thread.run.step.completed</c>.</summary>
    public static StreamingEventType RunStepCompleted { get; } = Known("thread.run.step.completed");

    /// <summary><c>thread.run.step.failed</c>.</summary>
    public static StreamingEventType RunStepFailed { get; } = Known("thread.run.step.failed");

    /// <summary><c>thread.run.step.cancelled</c>.</summary>
    public static StreamingEventType RunStepCancelled { get; } = Known("thread.run.step.cancelled");

    /// <summary><c>thread.run.step.expired</c>.</summary>
    public static StreamingEventType RunStepExpired { get; } = Known("thread.run.step.expired");

    /// <summary><c>thread.message.created</c>.</summary>
    public static StreamingEventType MessageCreated { get; } = Known("thread.message.created");

    /// <summary><c>thread.message.in_progress</c>.</summary>
    public static StreamingEventType MessageInProgress { get; } = Known("thread.message.in_progress");

    /// <summary><c>thread.message.delta</c>: a change to a streaming message.</summary>
    public static StreamingEventType MessageDelta { get; } = Known("thread.message.delta");

    /// <summary><c>thread.message.completed</c>.</summary>
    public static StreamingEventType MessageCompleted { get; } = Known("thread.message.completed");

    /// <summary><c>thread.message.incomplete</c>.</summary>
    public static StreamingEventType MessageIncomplete { get; } = Known("thread.message.incomplete");

    /// <summary><c>error</c>: the server reports an error; the stream raises <see cref="AssistantsApiException"/>.</summary>
    public static StreamingEventType Error { get; } = Known("error");

    /// <summary><c>done</c>: the end of the stream (data <c>[DONE]</c>).</summary>
    public static StreamingEventType Done { get; } = Known("done");

    /// <summary>Gets a value indicating whether this is one of the 25 event names of the protocol.</summary>
    public bool IsKnown => _value is not null && s_known.ContainsKey(_value);

    /// <summary>Compares two values by their wire string.</summary>
    /// <param name="left">The left value.</param>
    /// <param name="right">The right value.</param>
    /// <returns><c>true</c> when equal.</returns>
    public static bool operator ==(StreamingEventType left, StreamingEventType right) => left.Equals(right);

    /// <summary>Compares two values by their wire string.</summary>
    /// <param name="left">The left value.</param>
    /// <param name="right">The right value.</param>
    /// <returns><c>true</c> when different.</returns>
    public static bool operator !=(StreamingEventType left, StreamingEventType right) => !left.Equals(right);

    /// <summary>Converts a wire string.</summary>
    /// <param name="value">The wire string.</param>
    public static implicit operator StreamingEventType(string value) => new(value);

    /// <inheritdoc />
    public bool Equals(StreamingEventType other) => string.Equals(_value, other._value, StringComparison.Ordinal);

    /// <inheritdoc />
    [EditorBrowsable(EditorBrowsableState.Never)]
    public override bool Equals(object? obj) => obj is StreamingEventType other && Equals(other);

    /// <inheritdoc />
    [EditorBrowsable(EditorBrowsableState.Never)]
    public override int GetHashCode() => _value is null ? 0 : StringComparer.Ordinal.GetHashCode(_value);

    /// <inheritdoc />
    public override string ToString() => _value ?? string.Empty;

    /// <summary>The known value for a name, without allocating; any other name is wrapped as it is.</summary>
    internal static StreamingEventType FromName(string name)
        => s_known.TryGetValue(name, out StreamingEventType known) ? known : new StreamingEventType(name);

    internal static StreamingEventType[] AllKnown()
    {
        StreamingEventType[] values = new StreamingEventType[s_known.Count];
        s_known.Values.CopyTo(values, 0);
        return values;
    }

    private static StreamingEventType Known(string name)
    {
        StreamingEventType value = new(name);
        s_known.Add(name, value);
        return value;
    }
}

internal sealed class StreamingEventTypeConverter() : ExtensibleEnumConverter<StreamingEventType>(StreamingEventType.FromName, StreamingEventType.AllKnown());
