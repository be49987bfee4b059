using System;
using System.ComponentModel;
using System.Text.Json.Serialization;
using Assistants.Client.Serialization;

namespace Assistants.Client;

/// <summary>The sort order of a list by <c>created_at</c>: <c>asc</c> or <c>desc</c>. Other values pass through.</summary>
[JsonConverter(typeof(ListOrderConverter))]
public readonly struct ListOrder : IEquatable<ListOrder>
{
    private readonly string? _value;

    /// <summary>Initializes a new value from its wire string.</summary>
    /// <param name="value">The wire string.</param>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is null.</exception>
    public ListOrder(string value) => _value = value ?? throw new ArgumentNullException(nameof(value));

    /// <summary>Oldest first (<c>asc</c>).</summary>
    public static ListOrder Ascending { get; } = new("asc");

    /// <summary>Newest first (<c>desc</c>), the servers' default.</summary>
    public static ListOrder Descending { get; } = new("desc");

    /// <summary>Compares two values by their wire string.</summary>
    /// <param name="left">The left value.</param>
    /// <param name="right">The right value.</param>
    /// <returns><c>true</c> when equal.</returns>
    public static bool operator ==(ListOrder left, ListOrder right) => left.Equals(right);

    /// <summary>Compares two values by their wire string.</summary>
    /// <param name="left">The left value.</param>
    /// <param name="right">The right value.</param>
    /// <returns><c>true</c> when different.</returns>
    public static bool operator !=(ListOrder left, ListOrder right) => !left.Equals(right);

    /// <summary>Converts a wire string.</summary>
    /// <param name="value">The wire string.</param>
    public static implicit operator ListOrder(string value) => new(value);

    /// <inheritdoc />
    public bool Equals(ListOrder other) => string.Equals(_value, other._value, StringComparison.Ordinal);

    /// <inheritdoc />
    [EditorBrowsable(EditorBrowsableState.Never)]
    public override bool Equals(object? obj) => obj is ListOrder other && Equals(other);

    /// <inheritdoc />
    [EditorBrowsable(EditorBrowsableState.Never)]
    public override int GetHashCode() => _value is null ? 0 : StringComparer.Ordinal.GetHashCode(_value);

    /// <inheritdoc />
    public override string ToString() => _value ?? string.Empty;
}

internal sealed class ListOrderConverter() : ExtensibleEnumConverter<ListOrder>(v => new ListOrder(v), ListOrder.Ascending, ListOrder.Descending);
