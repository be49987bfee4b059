using System;
using System.ComponentModel;
using System.Text.Json.Serialization;
using Assistants.Client.Serialization;

namespace Assistants.Client;

/// <summary>The ranker a vector store search uses: <c>auto</c>, <c>none</c> or a dated ranker. Other values pass through.</summary>
[JsonConverter(typeof(VectorStoreSearchRankerConverter))]
public readonly struct VectorStoreSearchRanker : IEquatable<VectorStoreSearchRanker>
{
    private readonly string? _value;

    /// <summary>Initializes a new value from its wire string.</summary>
    /// <param name="value">The wire string.</param>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is null.</exception>
    public VectorStoreSearchRanker(string value) => _value = value ?? throw new ArgumentNullException(nameof(value));

    /// <summary>The server chooses (<c>auto</c>).</summary>
    public static VectorStoreSearchRanker Auto { get; } = new("auto");

    /// <summary>No re-ranking, which can reduce latency (<c>none</c>).</summary>
    public static VectorStoreSearchRanker None { get; } = new("none");

    /// <summary>The ranker of 2024-11-15 (<c>default-2024-11-15</c>).</summary>
    public static VectorStoreSearchRanker Default20241115 { get; } = new("default-2024-11-15");

    /// <summary>Compares two values by their wire string.</summary>
    /// <param name="left">The left value.</param>
    /// <param name="right">The right value.</param>
    /// <returns><c>true</c> when equal.</returns>
    public static bool operator ==(VectorStoreSearchRanker left, VectorStoreSearchRanker right) => left.Equals(right);

    /// <summary>Compares two values by their wire string.</summary>
    /// <param name="left">The left value.</param>
    /// <param name="right">The right value.</param>
    /// <returns><c>true</c> when different.</returns>
    public static bool operator !=(VectorStoreSearchRanker left, VectorStoreSearchRanker right) => !left.Equals(right);

    /// <summary>Converts a wire string.</summary>
    /// <param name="value">The wire string.</param>
    public static implicit operator VectorStoreSearchRanker(string value) => new(value);

    /// <inheritdoc />
    public bool Equals(VectorStoreSearchRanker other) => string.Equals(_value, other._value, StringComparison.Ordinal);

    /// <inheritdoc />
    [EditorBrowsable(EditorBrowsableState.Never)]
    public override bool Equals(object? obj) => obj is VectorStoreSearchRanker other && Equals(other);

    /// <inheritdoc />
    [EditorBrowsable(EditorBrowsableState.Never)]
    public override int GetHashCode() => _value is null ? 0 : StringComparer.Ordinal.GetHashCode(_value);

    /// <inheritdoc />
    public override string ToString() => _value ?? string.Empty;
}

internal sealed class VectorStoreSearchRankerConverter() : ExtensibleEnumConverter<VectorStoreSearchRanker>(v => new VectorStoreSearchRanker(v), VectorStoreSearchRanker.Auto, VectorStoreSearchRanker.None, VectorStoreSearchRanker.Default20241115);
