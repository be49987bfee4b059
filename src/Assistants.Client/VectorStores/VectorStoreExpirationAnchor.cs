using System;
using System.ComponentModel;
using System.Text.Json.Serialization;
using Assistants.Client.Serialization;

namespace Assistants.Client;

/// <summary>The timestamp a vector store's expiration counts from: <c>last_active_at</c>. Other values pass through.</summary>
[JsonConverter(typeof(VectorStoreExpirationAnchorConverter))]
public readonly struct VectorStoreExpirationAnchor : IEquatable<VectorStoreExpirationAnchor>
{
    private readonly string? _value;

    /// <summary>Initializes a new value from its wire string.</summary>
    /// <param name="value">The wire string.</param>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is null.</exception>
    public VectorStoreExpirationAnchor(string value) => _value = value ?? throw new ArgumentNullException(nameof(value));

    /// <summary>The last time the vector store was used (<c>last_active_at</c>).</summary>
    public static VectorStoreExpirationAnchor LastActiveAt { get; } = new("last_active_at");

    /// <summary>Compares two values by their wire string.</summary>
    /// <param name="left">The left value.</param>
    /// <param name="right">The right value.</param>
    /// <returns><c>true</c> when equal.</returns>
    public static bool operator ==(VectorStoreExpirationAnchor left, VectorStoreExpirationAnchor right) => left.Equals(right);

    /// <summary>Compares two values by their wire string.</summary>
    /// <param name="left">The left value.</param>
    /// <param name="right">The right value.</param>
    /// <returns><c>true</c> when different.</returns>
    public static bool operator !=(VectorStoreExpirationAnchor left, VectorStoreExpirationAnchor right) => !left.Equals(right);

    /// <summary>Converts a wire string.</summary>
    /// <param name="value">The wire string.</param>
    public static implicit operator VectorStoreExpirationAnchor(string value) => new(value);

    /// <inheritdoc />
    public bool Equals(VectorStoreExpirationAnchor other) => string.Equals(_value, other._value, StringComparison.Ordinal);

    /// <inheritdoc />
    [EditorBrowsable(EditorBrowsableState.Never)]
    public override bool Equals(object? obj) => obj is VectorStoreExpirationAnchor other && Equals(other);

    /// <inheritdoc />
    [EditorBrowsable(EditorBrowsableState.Never)]
    public override int GetHashCode() => _value is null ? 0 : StringComparer.Ordinal.GetHashCode(_value);

    /// <inheritdoc />
    public override string ToString() => _value ?? string.Empty;
}

internal sealed class VectorStoreExpirationAnchorConverter() : ExtensibleEnumConverter<VectorStoreExpirationAnchor>(v => new VectorStoreExpirationAnchor(v), VectorStoreExpirationAnchor.LastActiveAt);
