using System;
using System.ComponentModel;
using System.Text.Json.Serialization;
using Assistants.Client.Serialization;

namespace Assistants.Client;

/// <summary>The code of the error that ended a run or run step. Values this library does not know are kept as they came.</summary>
[JsonConverter(typeof(RunErrorCodeConverter))]
public readonly struct RunErrorCode : IEquatable<RunErrorCode>
{
    private readonly string? _value;

    /// <summary>Initializes a new value from its wire string.</summary>
    /// <param name="value">The wire string.</param>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is null.</exception>
    public RunErrorCode(string value) => _value = value ?? throw new ArgumentNullException(nameof(value));

    /// <summary>The server failed (<c>server_error</c>).</summary>
    public static RunErrorCode ServerError { get; } = new("server_error");

    /// <summary>A rate limit was reached (<c>rate_limit_exceeded</c>).</summary>
    public static RunErrorCode RateLimitExceeded { get; } = new("rate_limit_exceeded");

    /// <summary>The prompt was refused (<c>invalid_prompt</c>).</summary>
    public static RunErrorCode InvalidPrompt { get; } = new("invalid_prompt");

    /// <summary>Compares two values by their wire string.</summary>
    /// <param name="left">The left value.</param>
    /// <param name="right">The right value.</param>
    /// <returns><c>true</c> when equal.</returns>
    public static bool operator ==(RunErrorCode left, RunErrorCode right) => left.Equals(right);

    /// <summary>Compares two values by their wire string.</summary>
    /// <param name="left">The left value.</param>
    /// <param name="right">The right value.</param>
    /// <returns><c>true</c> when different.</returns>
    public static bool operator !=(RunErrorCode left, RunErrorCode right) => !left.Equals(right);

    /// <summary>Converts a wire string.</summary>
    /// <param name="value">The wire string.</param>
    public static implicit operator RunErrorCode(string value) => new(value);

    /// <inheritdoc />
    public bool Equals(RunErrorCode other) => string.Equals(_value, other._value, StringComparison.Ordinal);

    /// <inheritdoc />
    [EditorBrowsable(EditorBrowsableState.Never)]
    public override bool Equals(object? obj) => obj is RunErrorCode other && Equals(other);

    /// <inheritdoc />
    [EditorBrowsable(EditorBrowsableState.Never)]
    public override int GetHashCode() => _value is null ? 0 : StringComparer.Ordinal.GetHashCode(_value);

    /// <inheritdoc />
    public override string ToString() => _value ?? string.Empty;
}

internal sealed class RunErrorCodeConverter() : ExtensibleEnumConverter<RunErrorCode>(v => new RunErrorCode(v), RunErrorCode.ServerError, RunErrorCode.RateLimitExceeded, RunErrorCode.InvalidPrompt);
