using System;
using System.ComponentModel;
using System.Text.Json.Serialization;
using Assistants.Client.Serialization;

namespace Assistants.Client;

/// <summary>The status of a vector store file batch: <c>in_progress</c>, <c>completed</c>, <c>cancelled</c> or <c>failed</c>. Other values pass through.</summary>
[JsonConverter(typeof(VectorStoreFileBatchStatusConverter))]
public readonly struct VectorStoreFileBatchStatus : IEquatable<VectorStoreFileBatchStatus>
{
    private readonly string? _value;

    /// <summary>Initializes a new value from its wire string.</summary>
    /// <param name="value">The wire string.</param>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is null.</exception>
    public VectorStoreFileBatchStatus(string value) => _value = value ?? throw new ArgumentNullException(nameof(value));

    /// <summary>Files are still being processed (<c>in_progress</c>).</summary>
    public static VectorStoreFileBatchStatus InProgress { get; } = new("in_progress");

    /// <summary>Every file has been processed (<c>completed</c>).</summary>
    public static VectorStoreFileBatchStatus Completed { get; } = new("completed");

    /// <summary>The batch was cancelled (<c>cancelled</c>).</summary>
    public static VectorStoreFileBatchStatus Cancelled { get; } = new("cancelled");

    /// <summary>The batch failed (<c>failed</c>).</summary>
    public static VectorStoreFileBatchStatus Failed { get; } = new("failed");

    /// <summary>Gets a value indicating whether processing has ended: any status other than <c>in_progress</c>, including values this library does not know.</summary>
    public bool IsTerminal => _value is not null && _value != "in_progress";

    /// <summary>Compares two values by their wire string.</summary>
    /// <param name="left">The left value.</param>
    /// <param name="right">The right value.</param>
    /// <returns><c>true</c> when equal.</returns>
    public static bool operator ==(VectorStoreFileBatchStatus left, VectorStoreFileBatchStatus right) => left.Equals(right);

    /// <summary>Compares two values by their wire string.</summary>
    /// <param name="left">The left value.</param>
    /// <param name="right">The right value.</param>
    /// <returns><c>true</c> when different.</returns>
    public static bool operator !=(VectorStoreFileBatchStatus left, VectorStoreFileBatchStatus right) => !left.Equals(right);

    /// <summary>Converts a wire string.</summary>
    /// <param name="value">The wire string.</param>
    public static implicit operator VectorStoreFileBatchStatus(string value) => new(value);

    /// <inheritdoc />
    public bool Equals(VectorStoreFileBatchStatus other) => string.Equals(_value, other._value, StringComparison.Ordinal);

    /// <inheritdoc />
    [EditorBrowsable(EditorBrowsableState.Never)]
    public override bool Equals(object? obj) => obj is VectorStoreFileBatchStatus other && Equals(other);

    /// <inheritdoc />
    [EditorBrowsable(EditorBrowsableState.Never)]
    public override int GetHashCode() => _value is null ? 0 : StringComparer.Ordinal.GetHashCode(_value);

    /// <inheritdoc />
    public override string ToString() => _value ?? string.Empty;
}

internal sealed class VectorStoreFileBatchStatusConverter() : ExtensibleEnumConverter<VectorStoreFileBatchStatus>(v => new VectorStoreFileBatchStatus(v), VectorStoreFileBatchStatus.InProgress, VectorStoreFileBatchStatus.Completed, VectorStoreFileBatchStatus.Cancelled, VectorStoreFileBatchStatus.Failed);
