using System;

namespace Assistants.Client.Internal;

/// <summary>Escapes an id as one path segment, so no id can change the route.</summary>
internal static class PathSegment
{
    public static string Escape(string id)
    {
        string escaped = Uri.EscapeDataString(id);

        // EscapeDataString leaves dots alone, and "." or ".." would be collapsed as dot segments.
        return escaped is "." or ".." ? escaped.Replace(".", "%2E") : escaped;
    }
}
