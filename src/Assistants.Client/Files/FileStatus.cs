using System;
using System.ComponentModel;
using System.Text.Json.Serialization;
using Assistants.Client.Serialization;

namespace Assistants.Client;

/// <summary>The deprecated processing status of a file: <c>uploaded</c>, <c>processed</c> or <c>error</c>. Other values pass through.</summary>
[JsonConverter(typeof(FileStatusConverter))]
public readonly struct FileStatus : IEquatable<FileStatus>
{
    private readonly string? _value;

    /// <summary>Initializes a new value from its wire string.</summary>
    /// <param name="value">The wire string.</param>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is null.</exception>
    public FileStatus(string value) => _value = value ?? throw new ArgumentNullException(nameof(value));

    /// <summary>Uploaded, not yet processed (<c>uploaded</c>).</summary>
    public static FileStatus Uploaded { get; } = new("uploaded");

    /// <summary>Processed and ready (<c>processed</c>).</summary>
    public static FileStatus Processed { get; } = new("processed");

    /// <summary>Processing failed (<c>error</c>).</summary>
    public static FileStatus Error { get; } = new("error");

    /// <summary>Compares two values by their wire string.</summary>
    /// <param name="left">The left value.</param>
    /// <param name="right">The right value.</param>
    /// <returns><c>true</c> when equal.</returns>
    public static bool operator ==(FileStatus left, FileStatus right) => left.Equals(right);

    /// <summary>Compares two values by their wire string.</summary>
    /// <param name="left">The left value.</param>
    /// <param name="right">The right value.</param>
    /// <returns><c>true</c> when different.</returns>
    public static bool operator !=(FileStatus left, FileStatus right) => !left.Equals(right);

    /// <summary>Converts a wire string.</summary>
    /// <param name="value">The wire string.</param>
    public static implicit operator FileStatus(string value) => new(value);

    /// <inheritdoc />
    public bool Equals(FileStatus other) => string.Equals(_value, other._value, StringComparison.Ordinal);

    /// <inheritdoc />
    [EditorBrowsable(EditorBrowsableState.Never)]
    public override bool Equals(object? obj) => obj is FileStatus other && Equals(other);

    /// <inheritdoc />
    [EditorBrowsable(EditorBrowsableState.Never)]
    public override int GetHashCode() => _value is null ? 0 : StringComparer.Ordinal.GetHashCode(_value);

    /// <inheritdoc />
    public override string ToString() => _value ?? string.Empty;
}

internal sealed class FileStatusConverter() : ExtensibleEnumConverter<FileStatus>(v => new FileStatus(v), FileStatus.Uploaded, FileStatus.Processed, FileStatus.Error);
