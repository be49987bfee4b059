using System.Text.Json.Nodes;

namespace Assistants.Server.Storage;

/// <summary>
/// One stored record: its wire object and, for records that need it, private state the wire object does not show
/// (a file batch's file ids).
/// </summary>
internal sealed record StoredDoc(string Kind, string Parent, string Id, JsonObject Json, JsonObject? State = null);
