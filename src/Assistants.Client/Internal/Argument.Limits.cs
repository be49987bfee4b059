using System;
using System.Collections.Generic;
using System.Globalization;

namespace Assistants.Client.Internal;

/// <summary>
/// Checks against <see cref="ProtocolLimits"/>. Messages name the limit and the actual number (a length or a count,
/// never the text itself, which may be private); <c>name</c> is the parameter the way the caller wrote it.
/// </summary>
internal static partial class Argument
{
    /// <summary>An optional number within [min, max]; NaN and infinities are always refused.</summary>
    public static void Range(double? value, double min, double max, string name)
    {
        if (value is double v && (double.IsNaN(v) || double.IsInfinity(v) || v < min || v > max))
        {
            throw new ArgumentOutOfRangeException(name, v, $"The {name} must be a finite number from {Format(min)} to {Format(max)}.");
        }
    }

    /// <summary>An optional integer within [min, max].</summary>
    public static void Range(int? value, int min, int max, string name)
    {
        if (value < min || value > max)
        {
            throw new ArgumentOutOfRangeException(name, value, $"The {name} must be from {min} to {max}.");
        }
    }

    /// <summary>An optional integer of at least <paramref name="min"/>.</summary>
    public static void AtLeast(int? value, int min, string name)
    {
        if (value < min)
        {
            throw new ArgumentOutOfRangeException(name, value, $"The {name} must be at least {min}.");
        }
    }

    /// <summary>A list <c>limit</c>: 1 to 100 (1 to 10,000 for files).</summary>
    public static void Limit(int? limit, string name, int max = ProtocolLimits.ListLimitMax)
        => Range(limit, ProtocolLimits.ListLimitMin, max, name);

    public static void MaxLength(string? value, int max, string name)
    {
        if (value is not null && value.Length > max)
        {
            throw new ArgumentException($"The {name} has {value.Length} characters; at most {max} are allowed.", name);
        }
    }

    public static void MaxCount<T>(ICollection<T>? items, int max, string name)
    {
        if (items is not null && items.Count > max)
        {
            throw new ArgumentException($"The {name} holds {items.Count} items; at most {max} are allowed.", name);
        }
    }

    /// <summary>^[a-zA-Z0-9_-]{1,64}$ without a regular expression (no Regex to trim or compile on either target).</summary>
    public static void FunctionName(string? value, string name)
    {
        const string Rule = "1 to 64 characters of a-z, A-Z, 0-9, '_' or '-'";
        if (value is null)
        {
            throw new ArgumentNullException(name, $"The {name} is required: {Rule}.");
        }

        if (value.Length == 0 || value.Length > ProtocolLimits.FunctionNameMaxLength)
        {
            throw new ArgumentException($"The {name} must be {Rule}; it has {value.Length} characters.", name);
        }

        for (int i = 0; i < value.Length; i++)
        {
            char c = value[i];
            if (!(c is >= 'a' and <= 'z' or >= 'A' and <= 'Z' or >= '0' and <= '9' or '_' or '-'))
            {
                throw new ArgumentException($"The {name} must be {Rule}; '{value}' has '{c}' at index {i}.", name);
            }
        }
    }

    /// <summary>At most 16 pairs, keys up to 64 and values up to 512 characters, no null value.</summary>
    public static void Metadata(IDictionary<string, string>? metadata, string name)
    {
        if (metadata is null)
        {
            return;
        }

        if (metadata.Count > ProtocolLimits.MetadataMaxPairs)
        {
            throw new ArgumentException(
                $"The {name} has {metadata.Count} pairs; at most {ProtocolLimits.MetadataMaxPairs} are allowed.", name);
        }

        foreach (KeyValuePair<string, string> pair in metadata)
        {
            if (pair.Key.Length > ProtocolLimits.MetadataMaxKeyLength)
            {
                throw new ArgumentException(
                    $"The {name} key '{Truncate(pair.Key)}' has {pair.Key.Length} characters; at most {ProtocolLimits.MetadataMaxKeyLength} are allowed.", name);
            }

            if (pair.Value is null)
            {
                throw new ArgumentException($"The {name} value for key '{pair.Key}' is null.", name);
            }

            if (pair.Value.Length > ProtocolLimits.MetadataMaxValueLength)
            {
                throw new ArgumentException(
                    $"The {name} value for key '{pair.Key}' has {pair.Value.Length} characters; at most {ProtocolLimits.MetadataMaxValueLength} are allowed.", name);
            }
        }
    }

    private static string Format(double value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Truncate(string value) => value.Length <= 16 ? value : value.Substring(0, 16) + "...";
}
