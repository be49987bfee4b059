using System;
using System.ComponentModel;
using System.Text.Json.Serialization;
using Assistants.Client.Serialization;

namespace Assistants.Client;

/// <summary>The status of a run step. Values this library does not know are kept as they came.</summary>
[JsonConverter(typeof(RunStepStatusConverter))]
public readonly struct RunStepStatus : IEquatable<RunStepStatus>
{
    private readonly string? _value;

    /// <summary>Initializes a new value from its wire string.</summary>
    /// <param name="value">The wire string.</param>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is null.</exception>
    public RunStepStatus(string value) => _value = value ?? throw new ArgumentNullException(nameof(value));

    /// <summary>Being executed (<c>in_progress</c>).</summary>
    public static RunStepStatus InProgress { get; } = new("in_progress");

    /// <summary>Cancelled (<c>cancelled</c>).</summary>
    public static RunStepStatus Cancelled { get; } = new("cancelled");

    /// <summary>Failed (<c>failed</c>).</summary>
    public static RunStepStatus Failed { get; } = new("failed");

    /// <summary>Finished successfully (<c>completed</c>).</summary>
    public static RunStepStatus Completed { get; } = new("completed");

    /// <summary>Expired with its run (<c>expired</c>).</summary>
    public static RunStepStatus Expired { get; } = new("expired");
    /// <summary>Gets a value indicating whether the step has ended: cancelled, failed, completed or expired.</summary>
    /// <value><c>false</c> for <see cref="InProgress"/> and for values this library does not know.</value>
    public bool IsTerminal => this == Cancelled || this == Failed || this == Completed || this == Expired;


    /// <summary>Compares two values by their wire string.</summary>
    /// <param name="left">The left value.</param>
    /// <param name="right">The right value.</param>
    /// <returns><c>true</c> when equal.</returns>
    public static bool operator ==(RunStepStatus left, RunStepStatus right) => left.Equals(right);

    /// <summary>Compares two values by their wire string.</summary>
    /// <param name="left">The left value.</param>
    /// <param name="right">The right value.</param>
    /// <returns><c>true</c> when different.</returns>
    public static bool operator !=(RunStepStatus left, RunStepStatus right) => !left.Equals(right);

    /// <summary>Converts a wire string.</summary>
    /// <param name="value">The wire string.</param>
    public static implicit operator RunStepStatus(string value) => new(value);

    /// <inheritdoc />
    public bool Equals(RunStepStatus other) => string.Equals(_value, other._value, StringComparison.Ordinal);

    /// <inheritdoc />
    [EditorBrowsable(EditorBrowsableState.Never)]
    public override bool Equals(object? obj) => obj is RunStepStatus other && Equals(other);

    /// <inheritdoc />
    [EditorBrowsable(EditorBrowsableState.Never)]
    public override int GetHashCode() => _value is null ? 0 : StringComparer.Ordinal.GetHashCode(_value);

    /// <inheritdoc />
    public override string ToString() => _value ?? string.Empty;
}

internal sealed class RunStepStatusConverter() : ExtensibleEnumConverter<RunStepStatus>(v => new RunStepStatus(v), RunStepStatus.InProgress, RunStepStatus.Cancelled, RunStepStatus.Failed, RunStepStatus.Completed, RunStepStatus.Expired);
