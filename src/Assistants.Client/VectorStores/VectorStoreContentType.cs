using System;
using System.ComponentModel;
using System.Text.Json.Serialization;
using Assistants.Client.Serialization;

namespace Assistants.Client;

/// <summary>The type of a piece of vector store content; <c>text</c> is the only one today. Other values pass through.</summary>
[JsonConverter(typeof(VectorStoreContentTypeConverter))]
public readonly struct VectorStoreContentType : IEquatable<VectorStoreContentType>
{
    private readonly string? _value;

    /// <summary>Initializes a new value from its wire string.</summary>
    /// <param name="value">The wire string.</param>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is null.</exception>
    public VectorStoreContentType(string value) => _value = value ?? throw new ArgumentNullException(nameof(value));

    /// <summary>Plain text (<c>text</c>).</summary>
    public static VectorStoreContentType Text { get; } = new("text");

    /// <summary>Compares two values by their wire string.</summary>
    /// <param name="left">The left value.</param>
    /// <param name="right">The right value.</param>
    /// <returns><c>true</c> when equal.</returns>
    public static bool operator ==(VectorStoreContentType left, VectorStoreContentType right) => left.Equals(right);

    /// <summary>Compares two values by their wire string.</summary>
    /// <param name="left">The left value.</param>
    /// <param name="right">The right value.</param>
    /// <returns><c>true</c> when different.</returns>
    public static bool operator !=(VectorStoreContentType left, VectorStoreContentType right) => !left.Equals(right);

    /// <summary>Converts a wire string.</summary>
    /// <param name="value">The wire string.</param>
    public static implicit operator VectorStoreContentType(string value) => new(value);

    /// <inheritdoc />
    public bool Equals(VectorStoreContentType other) => string.Equals(_value, other._value, StringComparison.Ordinal);

    /// <inheritdoc />
    [EditorBrowsable(EditorBrowsableState.Never)]
    public override bool Equals(object? obj) => obj is VectorStoreContentType other && Equals(other);

    /// <inheritdoc />
    [EditorBrowsable(EditorBrowsableState.Never)]
    public override int GetHashCode() => _value is null ? 0 : StringComparer.Ordinal.GetHashCode(_value);

    /// <inheritdoc />
    public override string ToString() => _value ?? string.Empty;
}

internal sealed class VectorStoreContentTypeConverter() : ExtensibleEnumConverter<VectorStoreContentType>(v => new VectorStoreContentType(v), VectorStoreContentType.Text);
