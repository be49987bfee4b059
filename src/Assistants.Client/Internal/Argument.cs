using System;
using System.Collections.Generic;

namespace Assistants.Client.Internal;

/// <summary>Argument checks that run before any request is sent.</summary>
internal static class Argument
{
    public const int MaxMetadataPairs = 16;
    public const int MaxMetadataKeyLength = 64;
    public const int MaxMetadataValueLength = 512;
    public const int MaxLimit = 100;

    public static void NotNull(object? value, string name)
    {
        if (value is null)
        {
            throw new ArgumentNullException(name);
        }
    }

    /// <summary>An id is required and non-empty; its shape is never checked (id formats change).</summary>
    public static void Id(string? value, string name)
    {
        if (value is null)
        {
            throw new ArgumentNullException(name, $"The {name} is required.");
        }

        if (value.Length == 0 || IsWhiteSpace(value))
        {
            throw new ArgumentException($"The {name} must not be empty or white space.", name);
        }

        // URI normalization removes "." and ".." segments even when escaped, so they could only reach another route.
        if (value is "." or "..")
        {
            throw new ArgumentException($"The {name} '{value}' cannot be used as a URL path segment.", name);
        }
    }

    public static void NotNullOrEmpty(string? value, string name)
    {
        if (value is null)
        {
            throw new ArgumentNullException(name);
        }

        if (value.Length == 0)
        {
            throw new ArgumentException($"The {name} must not be empty.", name);
        }
    }

    public static void Limit(int? limit, string name, int max = MaxLimit)
    {
        if (limit < 1 || limit > max)
        {
            throw new ArgumentOutOfRangeException(name, limit, $"The {name} must be between 1 and {max}.");
        }
    }

    public static void Metadata(IDictionary<string, string>? metadata, string name)
    {
        if (metadata is null)
        {
            return;
        }

        if (metadata.Count > MaxMetadataPairs)
        {
            throw new ArgumentException(
                $"The {name} has {metadata.Count} pairs; at most {MaxMetadataPairs} are allowed.", name);
        }

        foreach (KeyValuePair<string, string> pair in metadata)
        {
            if (pair.Key.Length > MaxMetadataKeyLength)
            {
                throw new ArgumentException(
                    $"The {name} key '{Truncate(pair.Key)}' has {pair.Key.Length} characters; at most {MaxMetadataKeyLength} are allowed.", name);
            }

            if (pair.Value is null)
            {
                throw new ArgumentException($"The {name} value for key '{pair.Key}' is null.", name);
            }

            if (pair.Value.Length > MaxMetadataValueLength)
            {
                throw new ArgumentException(
                    $"The {name} value for key '{pair.Key}' has {pair.Value.Length} characters; at most {MaxMetadataValueLength} are allowed.", name);
            }
        }
    }

    private static bool IsWhiteSpace(string value)
    {
        foreach (char c in value)
        {
            if (!char.IsWhiteSpace(c))
            {
                return false;
            }
        }

        return true;
    }

    private static string Truncate(string value) => value.Length <= 16 ? value : value.Substring(0, 16) + "...";
}
