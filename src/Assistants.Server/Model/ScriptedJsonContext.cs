using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace Assistants.Server.Model;

/// <summary>
/// Source-generated JSON metadata for the scripted model, so that parsing a scripted call's arguments needs no
/// reflection (trim- and NativeAOT-safe).
/// </summary>
[JsonSerializable(typeof(Dictionary<string, object?>))]
internal sealed partial class ScriptedJsonContext : JsonSerializerContext;
