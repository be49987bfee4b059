using System;

namespace Assistants.Client.Internal;

/// <summary>Escapes an id as one path segment, so no id can change the route.</summary>
internal static class PathSegment
{
    /// <summary>Escapes every reserved character, <c>/</c> included; <c>Argument.Id</c> has already refused "." and "..".</summary>
    public static string Escape(string id) => Uri.EscapeDataString(id);
}
