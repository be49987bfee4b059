using System;
using System.ComponentModel;
using System.Text.Json.Serialization;
using Assistants.Client.Serialization;

namespace Assistants.Client;

/// <summary>How closely the model looks at an image: <c>auto</c>, <c>low</c> or <c>high</c>. Other values pass through.</summary>
[JsonConverter(typeof(MessageImageDetailConverter))]
public readonly struct MessageImageDetail : IEquatable<MessageImageDetail>
{
    private readonly string? _value;

    /// <summary>Initializes a new value from its wire string.</summary>
    /// <param name="value">The wire string.</param>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is null.</exception>
    public MessageImageDetail(string value) => _value = value ?? throw new ArgumentNullException(nameof(value));

    /// <summary>The model chooses (<c>auto</c>).</summary>
    public static MessageImageDetail Auto { get; } = new("auto");

    /// <summary>Low resolution, fewer tokens (<c>low</c>).</summary>
    public static MessageImageDetail Low { get; } = new("low");

    /// <summary>High resolution, more tokens (<c>high</c>).</summary>
    public static MessageImageDetail High { get; } = new("high");

    /// <summary>Compares two values by their wire string.</summary>
    /// <param name="left">The left value.</param>
    /// <param name="right">The right value.</param>
    /// <returns><c>true</c> when equal.</returns>
    public static bool operator ==(MessageImageDetail left, MessageImageDetail right) => left.Equals(right);

    /// <summary>Compares two values by their wire string.</summary>
    /// <param name="left">The left value.</param>
    /// <param name="right">The right value.</param>
    /// <returns><c>true</c> when different.</returns>
    public static bool operator !=(MessageImageDetail left, MessageImageDetail right) => !left.Equals(right);

    /// <summary>Converts a wire string.</summary>
    /// <param name="value">The wire string.</param>
    public static implicit operator MessageImageDetail(string value) => new(value);

    /// <inheritdoc />
    public bool Equals(MessageImageDetail other) => string.Equals(_value, other._value, StringComparison.Ordinal);

    /// <inheritdoc />
    [EditorBrowsable(EditorBrowsableState.Never)]
    public override bool Equals(object? obj) => obj is MessageImageDetail other && Equals(other);

    /// <inheritdoc />
    [EditorBrowsable(EditorBrowsableState.Never)]
    public override int GetHashCode() => _value is null ? 0 : StringComparer.Ordinal.GetHashCode(_value);

    /// <inheritdoc />
    public override string ToString() => _value ?? string.Empty;
}

internal sealed class MessageImageDetailConverter() : ExtensibleEnumConverter<MessageImageDetail>(v => new MessageImageDetail(v), MessageImageDetail.Auto, MessageImageDetail.Low, MessageImageDetail.High);
