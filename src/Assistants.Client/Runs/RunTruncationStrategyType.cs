using System;
using System.ComponentModel;
using System.Text.Json.Serialization;
using Assistants.Client.Serialization;

namespace Assistants.Client;

/// <summary>How a thread is truncated before a run. Values this library does not know are kept as they came.</summary>
[JsonConverter(typeof(RunTruncationStrategyTypeConverter))]
public readonly struct RunTruncationStrategyType : IEquatable<RunTruncationStrategyType>
{
    private readonly string? _value;

    /// <summary>Initializes a new value from its wire string.</summary>
    /// <param name="value">The wire string.</param>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is null.</exception>
    public RunTruncationStrategyType(string value) => _value = value ?? throw new ArgumentNullException(nameof(value));

    /// <summary>Messages in the middle are dropped to fit the context (<c>auto</c>).</summary>
    public static RunTruncationStrategyType Auto { get; } = new("auto");

    /// <summary>Only the most recent messages are kept (<c>last_messages</c>).</summary>
    public static RunTruncationStrategyType LastMessages { get; } = new("last_messages");

    /// <summary>Compares two values by their wire string.</summary>
    /// <param name="left">The left value.</param>
    /// <param name="right">The right value.</param>
    /// <returns><c>true</c> when equal.</returns>
    public static bool operator ==(RunTruncationStrategyType left, RunTruncationStrategyType right) => left.Equals(right);

    /// <summary>Compares two values by their wire string.</summary>
    /// <param name="left">The left value.</param>
    /// <param name="right">The right value.</param>
    /// <returns><c>true</c> when different.</returns>
    public static bool operator !=(RunTruncationStrategyType left, RunTruncationStrategyType right) => !left.Equals(right);

    /// <summary>Converts a wire string.</summary>
    /// <param name="value">The wire string.</param>
    public static implicit operator RunTruncationStrategyType(string value) => new(value);

    /// <inheritdoc />
    public bool Equals(RunTruncationStrategyType other) => string.Equals(_value, other._value, StringComparison.Ordinal);

    /// <inheritdoc />
    [EditorBrowsable(EditorBrowsableState.Never)]
    public override bool Equals(object? obj) => obj is RunTruncationStrategyType other && Equals(other);

    /// <inheritdoc />
    [EditorBrowsable(EditorBrowsableState.Never)]
    public override int GetHashCode() => _value is null ? 0 : StringComparer.Ordinal.GetHashCode(_value);

    /// <inheritdoc />
    public override string ToString() => _value ?? string.Empty;
}

internal sealed class RunTruncationStrategyTypeConverter() : ExtensibleEnumConverter<RunTruncationStrategyType>(v => new RunTruncationStrategyType(v), RunTruncationStrategyType.Auto, RunTruncationStrategyType.LastMessages);
