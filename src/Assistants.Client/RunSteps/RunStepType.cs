using System;
using System.ComponentModel;
using System.Text.Json.Serialization;
using Assistants.Client.Serialization;

namespace Assistants.Client;

/// <summary>The kind of a run step. Values this library does not know are kept as they came.</summary>
[JsonConverter(typeof(RunStepTypeConverter))]
public readonly struct RunStepType : IEquatable<RunStepType>
{
    private readonly string? _value;

    /// <summary>Initializes a new value from its wire string.</summary>
    /// <param name="value">The wire string.</param>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is null.</exception>
    public RunStepType(string value) => _value = value ?? throw new ArgumentNullException(nameof(value));

    /// <summary>The step created a message (<c>message_creation</c>).</summary>
    public static RunStepType MessageCreation { get; } = new("message_creation");

    /// <summary>The step called tools (<c>tool_calls</c>).</summary>
    public static RunStepType ToolCalls { get; } = new("tool_calls");

    /// <summary>Compares two values by their wire string.</summary>
    /// <param name="left">The left value.</param>
    /// <param name="right">The right value.</param>
    /// <returns><c>true</c> when equal.</returns>
    public static bool operator ==(RunStepType left, RunStepType right) => left.Equals(right);

    /// <summary>Compares two values by their wire string.</summary>
    /// <param name="left">The left value.</param>
    /// <param name="right">The right value.</param>
    /// <returns><c>true</c> when different.</returns>
    public static bool operator !=(RunStepType left, RunStepType right) => !left.Equals(right);

    /// <summary>Converts a wire string.</summary>
    /// <param name="value">The wire string.</param>
    public static implicit operator RunStepType(string value) => new(value);

    /// <inheritdoc />
    public bool Equals(RunStepType other) => string.Equals(_value, other._value, StringComparison.Ordinal);

    /// <inheritdoc />
    [EditorBrowsable(EditorBrowsableState.Never)]
    public override bool Equals(object? obj) => obj is RunStepType other && Equals(other);

    /// <inheritdoc />
    [EditorBrowsable(EditorBrowsableState.Never)]
    public override int GetHashCode() => _value is null ? 0 : StringComparer.Ordinal.GetHashCode(_value);

    /// <inheritdoc />
    public override string ToString() => _value ?? string.Empty;
}

internal sealed class RunStepTypeConverter() : ExtensibleEnumConverter<RunStepType>(v => new RunStepType(v), RunStepType.MessageCreation, RunStepType.ToolCalls);
