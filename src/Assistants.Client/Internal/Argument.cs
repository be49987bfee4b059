using System;

namespace Assistants.Client.Internal;

/// <summary>Argument checks that run before any request is sent.</summary>
internal static partial class Argument
{
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
}
