using System.Text.Json.Nodes;

namespace Assistants.Server.Search;

/// <summary>One chunk found by a search, with its file and a score between 0 and 1.</summary>
internal sealed record SearchHit(string FileId, string FileName, double Score, JsonObject Attributes, string Text);
