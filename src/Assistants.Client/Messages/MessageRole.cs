using System;
using System.ComponentModel;
using System.Text.Json.Serialization;
using Assistants.Client.Serialization;

namespace Assistants.Client;

/// <summary>The author of a message: <c>user</c> or <c>assistant</c>. Other values pass through.</summary>
[JsonConverter(typeof(MessageRoleConverter))]
public readonly struct MessageRole : IEquatable<MessageRole>
{
    private readonly string? _value;

    /// <summary>Initializes a new value from its wire string.</summary>
    /// <param name="value">The wire string.</param>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is null.</exception>
    public MessageRole(string value) => _value = value ?? throw new ArgumentNullException(nameof(value));

    /// <summary>A message written by the user (<c>user</c>).</summary>
    public static MessageRole User { get; } = new("user");

    /// <summary>A message written by the assistant (<c>assistant</c>).</summary>
    public static MessageRole Assistant { get; } = new("assistant");

    /// <summary>Compares two values by their wire string.</summary>
    /// <param name="left">The left value.</param>
    /// <param name="right">The right value.</param>
    /// <returns><c>true</c> when equal.</returns>
    public static bool operator ==(MessageRole left, MessageRole right) => left.Equals(right);

    /// <summary>Compares two values by their wire string.</summary>
    /// <param name="left">The left value.</param>
    /// <param name="right">The right value.</param>
    /// <returns><c>true</c> when different.</returns>
    public static bool operator !=(MessageRole left, MessageRole right) => !left.Equals(right);

    /// <summary>Converts a wire string.</summary>
    /// <param name="value">The wire string.</param>
    public static implicit operator MessageRole(string value) => new(value);

    /// <inheritdoc />
    public bool Equals(MessageRole other) => string.Equals(_value, other._value, StringComparison.Ordinal);

    /// <inheritdoc />
    [EditorBrowsable(EditorBrowsableState.Never)]
    public override bool Equals(object? obj) => obj is MessageRole other && Equals(other);

    /// <inheritdoc />
    [EditorBrowsable(EditorBrowsableState.Never)]
    public override int GetHashCode() => _value is null ? 0 : StringComparer.Ordinal.GetHashCode(_value);

    /// <inheritdoc />
    public override string ToString() => _value ?? string.Empty;
}

internal sealed class MessageRoleConverter() : ExtensibleEnumConverter<MessageRole>(v => new MessageRole(v), MessageRole.User, MessageRole.Assistant);
