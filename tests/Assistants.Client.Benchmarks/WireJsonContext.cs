using System.Text.Json.Serialization;

namespace Assistants.Client.Benchmarks;

/// <summary>Source-generated JSON for the generated wire data (strings only).</summary>
[JsonSerializable(typeof(string))]
internal sealed partial class WireJsonContext : JsonSerializerContext
{
}
