using System.Text.Json.Nodes;

namespace Assistants.Server.Storage;

/// <summary>
/// One stored record: its wire object and, for records that need it, private state the wire object does not show
/// (a file batch's file ids).
/// </summary>
internal sealed record StoredDoc(string Kind, string Parent, string Id, JsonObject Json, JsonObject? State = null)
{
    /// <summary>
    /// Gets <see cref="Json"/> already written as UTF-8 (as <see cref="Json.JsonNodes.ToUtf8"/> writes it) when the
    /// caller had it anyway, for an event it just sent; a store uses it instead of writing the object again.
    /// </summary>
    public byte[]? Utf8 { get; init; }
}
