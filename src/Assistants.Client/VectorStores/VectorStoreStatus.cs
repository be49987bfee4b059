using System;
using System.ComponentModel;
using System.Text.Json.Serialization;
using Assistants.Client.Serialization;

namespace Assistants.Client;

/// <summary>The status of a vector store: <c>in_progress</c>, <c>completed</c> or <c>expired</c>. Other values pass through.</summary>
[JsonConverter(typeof(VectorStoreStatusConverter))]
public readonly struct VectorStoreStatus : IEquatable<VectorStoreStatus>
{
    private readonly string? _value;

    /// <summary>Initializes a new value from its wire string.</summary>
    /// <param name="value">The wire string.</param>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is null.</exception>
    public VectorStoreStatus(string value) => _value = value ?? throw new ArgumentNullException(nameof(value));

    /// <summary>Files are still being processed (<c>in_progress</c>).</summary>
    public static VectorStoreStatus InProgress { get; } = new("in_progress");

    /// <summary>Ready for use (<c>completed</c>).</summary>
    public static VectorStoreStatus Completed { get; } = new("completed");

    /// <summary>Expired by its expiration policy (<c>expired</c>).</summary>
    public static VectorStoreStatus Expired { get; } = new("expired");

    /// <summary>Compares two values by their wire string.</summary>
    /// <param name="left">The left value.</param>
    /// <param name="right">The right value.</param>
    /// <returns><c>true</c> when equal.</returns>
    public static bool operator ==(VectorStoreStatus left, VectorStoreStatus right) => left.Equals(right);

    /// <summary>Compares two values by their wire string.</summary>
    /// <param name="left">The left value.</param>
    /// <param name="right">The right value.</param>
    /// <returns><c>true</c> when different.</returns>
    public static bool operator !=(VectorStoreStatus left, VectorStoreStatus right) => !left.Equals(right);

    /// <summary>Converts a wire string.</summary>
    /// <param name="value">The wire string.</param>
    public static implicit operator VectorStoreStatus(string value) => new(value);

    /// <inheritdoc />
    public bool Equals(VectorStoreStatus other) => string.Equals(_value, other._value, StringComparison.Ordinal);

    /// <inheritdoc />
    [EditorBrowsable(EditorBrowsableState.Never)]
    public override bool Equals(object? obj) => obj is VectorStoreStatus other && Equals(other);

    /// <inheritdoc />
    [EditorBrowsable(EditorBrowsableState.Never)]
    public override int GetHashCode() => _value is null ? 0 : StringComparer.Ordinal.GetHashCode(_value);

    /// <inheritdoc />
    public override string ToString() => _value ?? string.Empty;
}

internal sealed class VectorStoreStatusConverter() : ExtensibleEnumConverter<VectorStoreStatus>(v => new VectorStoreStatus(v), VectorStoreStatus.InProgress, VectorStoreStatus.Completed, VectorStoreStatus.Expired);
