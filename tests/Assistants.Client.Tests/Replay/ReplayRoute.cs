using System.Text.Json.Serialization.Metadata;
using System.Text.RegularExpressions;

namespace Assistants.Client.Tests.Replay;

/// <summary>A route the library knows and the model its successful response deserializes into.</summary>
internal sealed record ReplayRoute(string Method, Regex Path, JsonTypeInfo ResponseType, string Name)
{
    public bool Matches(RecordedEntry entry) => entry.Method == Method && Path.IsMatch(entry.Path);
}
