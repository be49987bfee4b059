using System;
using System.ComponentModel;
using System.Text.Json.Serialization;
using Assistants.Client.Serialization;

namespace Assistants.Client;

/// <summary>The status of a run. Values this library does not know are kept as they came.</summary>
[JsonConverter(typeof(RunStatusConverter))]
public readonly struct RunStatus : IEquatable<RunStatus>
{
    private readonly string? _value;

    /// <summary>Initializes a new value from its wire string.</summary>
    /// <param name="value">The wire string.</param>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is null.</exception>
    public RunStatus(string value) => _value = value ?? throw new ArgumentNullException(nameof(value));

    /// <summary>Waiting to start (<c>queued</c>).</summary>
    public static RunStatus Queued { get; } = new("queued");

    /// <summary>Being executed (<c>in_progress</c>).</summary>
    public static RunStatus InProgress { get; } = new("in_progress");

    /// <summary>Waiting for tool outputs (<c>requires_action</c>).</summary>
    public static RunStatus RequiresAction { get; } = new("requires_action");

    /// <summary>Being cancelled (<c>cancelling</c>).</summary>
    public static RunStatus Cancelling { get; } = new("cancelling");

    /// <summary>Cancelled (<c>cancelled</c>).</summary>
    public static RunStatus Cancelled { get; } = new("cancelled");

    /// <summary>Failed (<c>failed</c>).</summary>
    public static RunStatus Failed { get; } = new("failed");

    /// <summary>Finished successfully (<c>completed</c>).</summary>
    public static RunStatus Completed { get; } = new("completed");

    /// <summary>Ended early because a token limit was reached (<c>incomplete</c>).</summary>
    public static RunStatus Incomplete { get; } = new("incomplete");

    /// <summary>Expired before it finished (<c>expired</c>).</summary>
    public static RunStatus Expired { get; } = new("expired");
    /// <summary>Gets a value indicating whether the run has ended: cancelled, failed, completed, incomplete or expired.</summary>
    /// <value><c>false</c> for <see cref="RequiresAction"/>, for the active statuses, and for values this library does not know.</value>
    public bool IsTerminal => this == Cancelled || this == Failed || this == Completed || this == Incomplete || this == Expired;


    /// <summary>Compares two values by their wire string.</summary>
    /// <param name="left">The left value.</param>
    /// <param name="right">The right value.</param>
    /// <returns><c>true</c> when equal.</returns>
    public static bool operator ==(RunStatus left, RunStatus right) => left.Equals(right);

    /// <summary>Compares two values by their wire string.</summary>
    /// <param name="left">The left value.</param>
    /// <param name="right">The right value.</param>
    /// <returns><c>true</c> when different.</returns>
    public static bool operator !=(RunStatus left, RunStatus right) => !left.Equals(right);

    /// <summary>Converts a wire string.</summary>
    /// <param name="value">The wire string.</param>
    public static implicit operator RunStatus(string value) => new(value);

    /// <inheritdoc />
    public bool Equals(RunStatus other) => string.Equals(_value, other._value, StringComparison.Ordinal);

    /// <inheritdoc />
    [EditorBrowsable(EditorBrowsableState.Never)]
    public override bool Equals(object? obj) => obj is RunStatus other && Equals(other);

    /// <inheritdoc />
    [EditorBrowsable(EditorBrowsableState.Never)]
    public override int GetHashCode() => _value is null ? 0 : StringComparer.Ordinal.GetHashCode(_value);

    /// <inheritdoc />
    public override string ToString() => _value ?? string.Empty;
}

internal sealed class RunStatusConverter() : ExtensibleEnumConverter<RunStatus>(v => new RunStatus(v), RunStatus.Queued, RunStatus.InProgress, RunStatus.RequiresAction, RunStatus.Cancelling, RunStatus.Cancelled, RunStatus.Failed, RunStatus.Completed, RunStatus.Incomplete, RunStatus.Expired);
