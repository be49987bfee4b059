using System;
using System.ComponentModel;
using System.Text.Json.Serialization;
using Assistants.Client.Serialization;

namespace Assistants.Client;

/// <summary>The type of a chunking strategy: <c>auto</c>, <c>static</c> or <c>other</c>. Other values pass through.</summary>
[JsonConverter(typeof(ChunkingStrategyKindConverter))]
public readonly struct ChunkingStrategyKind : IEquatable<ChunkingStrategyKind>
{
    private readonly string? _value;

    /// <summary>Initializes a new value from its wire string.</summary>
    /// <param name="value">The wire string.</param>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is null.</exception>
    public ChunkingStrategyKind(string value) => _value = value ?? throw new ArgumentNullException(nameof(value));

    /// <summary>The server chooses chunk size and overlap (<c>auto</c>).</summary>
    public static ChunkingStrategyKind Auto { get; } = new("auto");

    /// <summary>Fixed chunk size and overlap (<c>static</c>).</summary>
    public static ChunkingStrategyKind Static { get; } = new("static");

    /// <summary>Unknown to the server, typically for files indexed before chunking strategies existed (<c>other</c>).</summary>
    public static ChunkingStrategyKind Other { get; } = new("other");

    /// <summary>Compares two values by their wire string.</summary>
    /// <param name="left">The left value.</param>
    /// <param name="right">The right value.</param>
    /// <returns><c>true</c> when equal.</returns>
    public static bool operator ==(ChunkingStrategyKind left, ChunkingStrategyKind right) => left.Equals(right);

    /// <summary>Compares two values by their wire string.</summary>
    /// <param name="left">The left value.</param>
    /// <param name="right">The right value.</param>
    /// <returns><c>true</c> when different.</returns>
    public static bool operator !=(ChunkingStrategyKind left, ChunkingStrategyKind right) => !left.Equals(right);

    /// <summary>Converts a wire string.</summary>
    /// <param name="value">The wire string.</param>
    public static implicit operator ChunkingStrategyKind(string value) => new(value);

    /// <inheritdoc />
    public bool Equals(ChunkingStrategyKind other) => string.Equals(_value, other._value, StringComparison.Ordinal);

    /// <inheritdoc />
    [EditorBrowsable(EditorBrowsableState.Never)]
    public override bool Equals(object? obj) => obj is ChunkingStrategyKind other && Equals(other);

    /// <inheritdoc />
    [EditorBrowsable(EditorBrowsableState.Never)]
    public override int GetHashCode() => _value is null ? 0 : StringComparer.Ordinal.GetHashCode(_value);

    /// <inheritdoc />
    public override string ToString() => _value ?? string.Empty;
}

internal sealed class ChunkingStrategyKindConverter() : ExtensibleEnumConverter<ChunkingStrategyKind>(v => new ChunkingStrategyKind(v), ChunkingStrategyKind.Auto, ChunkingStrategyKind.Static, ChunkingStrategyKind.Other);
