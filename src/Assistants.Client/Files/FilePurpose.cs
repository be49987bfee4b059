using System;
using System.ComponentModel;
using System.Text.Json.Serialization;
using Assistants.Client.Serialization;

namespace Assistants.Client;

/// <summary>The purpose of an uploaded file, such as <c>assistants</c>; servers add purposes, so any string is accepted. Other values pass through.</summary>
[JsonConverter(typeof(FilePurposeConverter))]
public readonly struct FilePurpose : IEquatable<FilePurpose>
{
    private readonly string? _value;

    /// <summary>Initializes a new value from its wire string.</summary>
    /// <param name="value">The wire string.</param>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is null.</exception>
    public FilePurpose(string value) => _value = value ?? throw new ArgumentNullException(nameof(value));

    /// <summary>Files for assistants, messages and their tools (<c>assistants</c>).</summary>
    public static FilePurpose Assistants { get; } = new("assistants");

    /// <summary>Files that assistants produced (<c>assistants_output</c>).</summary>
    public static FilePurpose AssistantsOutput { get; } = new("assistants_output");

    /// <summary>Input files of the Batch API (<c>batch</c>).</summary>
    public static FilePurpose Batch { get; } = new("batch");

    /// <summary>Output files of the Batch API (<c>batch_output</c>).</summary>
    public static FilePurpose BatchOutput { get; } = new("batch_output");

    /// <summary>Training files for fine-tuning (<c>fine-tune</c>).</summary>
    public static FilePurpose FineTune { get; } = new("fine-tune");

    /// <summary>Results of fine-tuning (<c>fine-tune-results</c>).</summary>
    public static FilePurpose FineTuneResults { get; } = new("fine-tune-results");

    /// <summary>Images for vision fine-tuning (<c>vision</c>).</summary>
    public static FilePurpose Vision { get; } = new("vision");

    /// <summary>Files for any purpose (<c>user_data</c>).</summary>
    public static FilePurpose UserData { get; } = new("user_data");

    /// <summary>Data sets for evals (<c>evals</c>).</summary>
    public static FilePurpose Evals { get; } = new("evals");

    /// <summary>Compares two values by their wire string.</summary>
    /// <param name="left">The left value.</param>
    /// <param name="right">The right value.</param>
    /// <returns><c>true</c> when equal.</returns>
    public static bool operator ==(FilePurpose left, FilePurpose right) => left.Equals(right);

    /// <summary>Compares two values by their wire string.</summary>
    /// <param name="left">The left value.</param>
    /// <param name="right">The right value.</param>
    /// <returns><c>true</c> when different.</returns>
    public static bool operator !=(FilePurpose left, FilePurpose right) => !left.Equals(right);

    /// <summary>Converts a wire string.</summary>
    /// <param name="value">The wire string.</param>
    public static implicit operator FilePurpose(string value) => new(value);

    /// <inheritdoc />
    public bool Equals(FilePurpose other) => string.Equals(_value, other._value, StringComparison.Ordinal);

    /// <inheritdoc />
    [EditorBrowsable(EditorBrowsableState.Never)]
    public override bool Equals(object? obj) => obj is FilePurpose other && Equals(other);

    /// <inheritdoc />
    [EditorBrowsable(EditorBrowsableState.Never)]
    public override int GetHashCode() => _value is null ? 0 : StringComparer.Ordinal.GetHashCode(_value);

    /// <inheritdoc />
    public override string ToString() => _value ?? string.Empty;
}

internal sealed class FilePurposeConverter() : ExtensibleEnumConverter<FilePurpose>(v => new FilePurpose(v), FilePurpose.Assistants, FilePurpose.AssistantsOutput, FilePurpose.Batch, FilePurpose.BatchOutput, FilePurpose.FineTune, FilePurpose.FineTuneResults, FilePurpose.Vision, FilePurpose.UserData, FilePurpose.Evals);
