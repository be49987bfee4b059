using System;
using System.Text.Json;

namespace Assistants.Client.Internal;

/// <summary>
/// The token steps the hand-written delta readers (<see cref="MessageDeltaFastReader"/>,
/// <see cref="RunStepDeltaFastReader"/>) share: each reads the next value and answers <c>false</c> for any other shape,
/// so the caller falls back to the serializer.
/// </summary>
internal static class FastDeltaTokens
{
    /// <summary>Reads an event's <c>id</c>, reusing <paramref name="lastId"/> (no new string) when it is the same.</summary>
    public static bool TryReadId(ref Utf8JsonReader reader, string? lastId, out string? id)
    {
        id = null;
        if (!reader.Read() || reader.TokenType != JsonTokenType.String)
        {
            return false;
        }

        id = lastId is not null && reader.ValueTextEquals(lastId) ? lastId : reader.GetString();
        return true;
    }

    /// <summary>Reads a string value that must equal <paramref name="expected"/> (an <c>object</c> or <c>type</c> name).</summary>
    public static bool TryReadConstant(ref Utf8JsonReader reader, ReadOnlySpan<byte> expected)
        => reader.Read() && reader.TokenType == JsonTokenType.String && reader.ValueTextEquals(expected);

    /// <summary>Reads an <c>index</c>.</summary>
    public static bool TryReadIndex(ref Utf8JsonReader reader, out int index)
    {
        index = -1;
        return reader.Read() && reader.TokenType == JsonTokenType.Number && reader.TryGetInt32(out index);
    }

    /// <summary>Reads a string (the empty string without allocating); <c>null</c> is accepted when <paramref name="allowNull"/>.</summary>
    public static bool TryReadString(ref Utf8JsonReader reader, bool allowNull, out string? value)
    {
        value = null;
        if (!reader.Read())
        {
            return false;
        }

        if (reader.TokenType == JsonTokenType.Null)
        {
            return allowNull;
        }

        if (reader.TokenType != JsonTokenType.String)
        {
            return false;
        }

        value = reader.ValueSpan.Length == 0 && !reader.ValueIsEscaped ? string.Empty : reader.GetString();
        return true;
    }
}
