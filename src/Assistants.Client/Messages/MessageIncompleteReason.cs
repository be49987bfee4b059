using System;
using System.ComponentModel;
using System.Text.Json.Serialization;
using Assistants.Client.Serialization;

namespace Assistants.Client;

/// <summary>Why a message ended incomplete. Other values pass through.</summary>
[JsonConverter(typeof(MessageIncompleteReasonConverter))]
public readonly struct MessageIncompleteReason : IEquatable<MessageIncompleteReason>
{
    private readonly string? _value;

    /// <summary>Initializes a new value from its wire string.</summary>
    /// <param name="value">The wire string.</param>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is null.</exception>
    public MessageIncompleteReason(string value) => _value = value ?? throw new ArgumentNullException(nameof(value));

    /// <summary>The content filter stopped it (<c>content_filter</c>).</summary>
    public static MessageIncompleteReason ContentFilter { get; } = new("content_filter");

    /// <summary>The token limit was reached (<c>max_tokens</c>).</summary>
    public static MessageIncompleteReason MaxTokens { get; } = new("max_tokens");

    /// <summary>The run was cancelled (<c>run_cancelled</c>).</summary>
    public static MessageIncompleteReason RunCancelled { get; } = new("run_cancelled");

    /// <summary>The run expired (<c>run_expired</c>).</summary>
    public static MessageIncompleteReason RunExpired { get; } = new("run_expired");

    /// <summary>The run failed (<c>run_failed</c>).</summary>
    public static MessageIncompleteReason RunFailed { get; } = new("run_failed");

    /// <summary>Compares two values by their wire string.</summary>
    /// <param name="left">The left value.</param>
    /// <param name="right">The right value.</param>
    /// <returns><c>true</c> when equal.</returns>
    public static bool operator ==(MessageIncompleteReason left, MessageIncompleteReason right) => left.Equals(right);

    /// <summary>Compares two values by their wire string.</summary>
    /// <param name="left">The left value.</param>
    /// <param name="right">The right value.</param>
    /// <returns><c>true</c> when different.</returns>
    public static bool operator !=(MessageIncompleteReason left, MessageIncompleteReason right) => !left.Equals(right);

    /// <summary>Converts a wire string.</summary>
    /// <param name="value">The wire string.</param>
    public static implicit operator MessageIncompleteReason(string value) => new(value);

    /// <inheritdoc />
    public bool Equals(MessageIncompleteReason other) => string.Equals(_value, other._value, StringComparison.Ordinal);

    /// <inheritdoc />
    [EditorBrowsable(EditorBrowsableState.Never)]
    public override bool Equals(object? obj) => obj is MessageIncompleteReason other && Equals(other);

    /// <inheritdoc />
    [EditorBrowsable(EditorBrowsableState.Never)]
    public override int GetHashCode() => _value is null ? 0 : StringComparer.Ordinal.GetHashCode(_value);

    /// <inheritdoc />
    public override string ToString() => _value ?? string.Empty;
}

internal sealed class MessageIncompleteReasonConverter() : ExtensibleEnumConverter<MessageIncompleteReason>(v => new MessageIncompleteReason(v), MessageIncompleteReason.ContentFilter, MessageIncompleteReason.MaxTokens, MessageIncompleteReason.RunCancelled, MessageIncompleteReason.RunExpired, MessageIncompleteReason.RunFailed);
