using System;
using System.ComponentModel;
using System.Text.Json.Serialization;
using Assistants.Client.Serialization;

namespace Assistants.Client;

/// <summary>The state of a message: <c>in_progress</c>, <c>incomplete</c> or <c>completed</c>. Other values pass through.</summary>
[JsonConverter(typeof(MessageStatusConverter))]
public readonly struct MessageStatus : IEquatable<MessageStatus>
{
    private readonly string? _value;

    /// <summary>Initializes a new value from its wire string.</summary>
    /// <param name="value">The wire string.</param>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is null.</exception>
    public MessageStatus(string value) => _value = value ?? throw new ArgumentNullException(nameof(value));

    /// <summary>The assistant is still writing the message (<c>in_progress</c>).</summary>
    public static MessageStatus InProgress { get; } = new("in_progress");

    /// <summary>The message ended before it was finished (<c>incomplete</c>).</summary>
    public static MessageStatus Incomplete { get; } = new("incomplete");

    /// <summary>The message is finished (<c>completed</c>).</summary>
    public static MessageStatus Completed { get; } = new("completed");

    /// <summary>Gets a value indicating whether the message is no longer being written.</summary>
    public bool IsTerminal => this == Incomplete || this == Completed;

    /// <summary>Compares two values by their wire string.</summary>
    /// <param name="left">The left value.</param>
    /// <param name="right">The right value.</param>
    /// <returns><c>true</c> when equal.</returns>
    public static bool operator ==(MessageStatus left, MessageStatus right) => left.Equals(right);

    /// <summary>Compares two values by their wire string.</summary>
    /// <param name="left">The left value.</param>
    /// <param name="right">The right value.</param>
    /// <returns><c>true</c> when different.</returns>
    public static bool operator !=(MessageStatus left, MessageStatus right) => !left.Equals(right);

    /// <summary>Converts a wire string.</summary>
    /// <param name="value">The wire string.</param>
    public static implicit operator MessageStatus(string value) => new(value);

    /// <inheritdoc />
    public bool Equals(MessageStatus other) => string.Equals(_value, other._value, StringComparison.Ordinal);

    /// <inheritdoc />
    [EditorBrowsable(EditorBrowsableState.Never)]
    public override bool Equals(object? obj) => obj is MessageStatus other && Equals(other);

    /// <inheritdoc />
    [EditorBrowsable(EditorBrowsableState.Never)]
    public override int GetHashCode() => _value is null ? 0 : StringComparer.Ordinal.GetHashCode(_value);

    /// <inheritdoc />
    public override string ToString() => _value ?? string.Empty;
}

internal sealed class MessageStatusConverter() : ExtensibleEnumConverter<MessageStatus>(v => new MessageStatus(v), MessageStatus.InProgress, MessageStatus.Incomplete, MessageStatus.Completed);
