using System;
using System.ComponentModel;
using System.Text.Json.Serialization;
using Assistants.Client.Serialization;

namespace Assistants.Client;

/// <summary>The code of a vector store file's last error: <c>server_error</c>, <c>unsupported_file</c> or <c>invalid_file</c>. Other values pass through.</summary>
[JsonConverter(typeof(VectorStoreFileErrorCodeConverter))]
public readonly struct VectorStoreFileErrorCode : IEquatable<VectorStoreFileErrorCode>
{
    private readonly string? _value;

    /// <summary>Initializes a new value from its wire string.</summary>
    /// <param name="value">The wire string.</param>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is null.</exception>
    public VectorStoreFileErrorCode(string value) => _value = value ?? throw new ArgumentNullException(nameof(value));

    /// <summary>The server failed (<c>server_error</c>).</summary>
    public static VectorStoreFileErrorCode ServerError { get; } = new("server_error");

    /// <summary>The file type is not supported (<c>unsupported_file</c>).</summary>
    public static VectorStoreFileErrorCode UnsupportedFile { get; } = new("unsupported_file");

    /// <summary>The file could not be read (<c>invalid_file</c>).</summary>
    public static VectorStoreFileErrorCode InvalidFile { get; } = new("invalid_file");

    /// <summary>Compares two values by their wire string.</summary>
    /// <param name="left">The left value.</param>
    /// <param name="right">The right value.</param>
    /// <returns><c>true</c> when equal.</returns>
    public static bool operator ==(VectorStoreFileErrorCode left, VectorStoreFileErrorCode right) => left.Equals(right);

    /// <summary>Compares two values by their wire string.</summary>
    /// <param name="left">The left value.</param>
    /// <param name="right">The right value.</param>
    /// <returns><c>true</c> when different.</returns>
    public static bool operator !=(VectorStoreFileErrorCode left, VectorStoreFileErrorCode right) => !left.Equals(right);

    /// <summary>Converts a wire string.</summary>
    /// <param name="value">The wire string.</param>
    public static implicit operator VectorStoreFileErrorCode(string value) => new(value);

    /// <inheritdoc />
    public bool Equals(VectorStoreFileErrorCode other) => string.Equals(_value, other._value, StringComparison.Ordinal);

    /// <inheritdoc />
    [EditorBrowsable(EditorBrowsableState.Never)]
    public override bool Equals(object? obj) => obj is VectorStoreFileErrorCode other && Equals(other);

    /// <inheritdoc />
    [EditorBrowsable(EditorBrowsableState.Never)]
    public override int GetHashCode() => _value is null ? 0 : StringComparer.Ordinal.GetHashCode(_value);

    /// <inheritdoc />
    public override string ToString() => _value ?? string.Empty;
}

internal sealed class VectorStoreFileErrorCodeConverter() : ExtensibleEnumConverter<VectorStoreFileErrorCode>(v => new VectorStoreFileErrorCode(v), VectorStoreFileErrorCode.ServerError, VectorStoreFileErrorCode.UnsupportedFile, VectorStoreFileErrorCode.InvalidFile);
