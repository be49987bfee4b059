using System;
using System.ComponentModel;
using System.Text.Json.Serialization;
using Assistants.Client.Serialization;

namespace Assistants.Client;

/// <summary>Why a run ended incomplete. Values this library does not know are kept as they came.</summary>
[JsonConverter(typeof(RunIncompleteReasonConverter))]
public readonly struct RunIncompleteReason : IEquatable<RunIncompleteReason>
{
    private readonly string? _value;

    /// <summary>Initializes a new value from its wire string.</summary>
    /// <param name="value">The wire string.</param>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is null.</exception>
    public RunIncompleteReason(string value) => _value = value ?? throw new ArgumentNullException(nameof(value));

    /// <summary>The completion token limit was reached (<c>max_completion_tokens</c>).</summary>
    public static RunIncompleteReason MaxCompletionTokens { get; } = new("max_completion_tokens");

    /// <summary>The prompt token limit was reached (<c>max_prompt_tokens</c>).</summary>
    public static RunIncompleteReason MaxPromptTokens { get; } = new("max_prompt_tokens");

    /// <summary>Compares two values by their wire string.</summary>
    /// <param name="left">The left value.</param>
    /// <param name="right">The right value.</param>
    /// <returns><c>true</c> when equal.</returns>
    public static bool operator ==(RunIncompleteReason left, RunIncompleteReason right) => left.Equals(right);

    /// <summary>Compares two values by their wire string.</summary>
    /// <param name="left">The left value.</param>
    /// <param name="right">The right value.</param>
    /// <returns><c>true</c> when different.</returns>
    public static bool operator !=(RunIncompleteReason left, RunIncompleteReason right) => !left.Equals(right);

    /// <summary>Converts a wire string.</summary>
    /// <param name="value">The wire string.</param>
    public static implicit operator RunIncompleteReason(string value) => new(value);

    /// <inheritdoc />
    public bool Equals(RunIncompleteReason other) => string.Equals(_value, other._value, StringComparison.Ordinal);

    /// <inheritdoc />
    [EditorBrowsable(EditorBrowsableState.Never)]
    public override bool Equals(object? obj) => obj is RunIncompleteReason other && Equals(other);

    /// <inheritdoc />
    [EditorBrowsable(EditorBrowsableState.Never)]
    public override int GetHashCode() => _value is null ? 0 : StringComparer.Ordinal.GetHashCode(_value);

    /// <inheritdoc />
    public override string ToString() => _value ?? string.Empty;
}

internal sealed class RunIncompleteReasonConverter() : ExtensibleEnumConverter<RunIncompleteReason>(v => new RunIncompleteReason(v), RunIncompleteReason.MaxCompletionTokens, RunIncompleteReason.MaxPromptTokens);
