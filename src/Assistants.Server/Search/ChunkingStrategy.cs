using System.Text.Json.Nodes;
using Assistants.Server.Errors;
using Assistants.Server.Json;

namespace Assistants.Server.Search;

/// <summary>
/// The protocol's chunking strategy: <c>auto</c> (800-token chunks, 400 tokens of overlap) or <c>static</c> with
/// both values (chunk 100-4096 tokens, overlap at most half of it). Stored on a vector store file as the service
/// answers it: always as <c>static</c> with its numbers.
/// </summary>
internal readonly record struct ChunkingStrategy(int MaxChunkSizeTokens, int ChunkOverlapTokens)
{
    public const int MinChunk = 100;
    public const int MaxChunk = 4096;

    public static ChunkingStrategy Auto => new(800, 400);

    /// <summary>Reads a request's <c>chunking_strategy</c>; a missing one is <see cref="Auto"/>, a wrong one a 400.</summary>
    public static ChunkingStrategy Parse(JsonNode? node, string param = "chunking_strategy")
    {
        if (node is null)
        {
            return Auto;
        }

        JsonObject strategy = node as JsonObject ?? throw ApiErrors.InvalidType(param, "an object", JsonNodes.Describe(node));
        string type = JsonNodes.GetString(strategy, "type") ?? throw ApiErrors.MissingParameter(param + ".type");
        if (type == "auto")
        {
            return Auto;
        }

        if (type != "static")
        {
            throw ApiErrors.BadRequest($"Invalid value: '{type}'. Supported values are: 'auto' and 'static'.", param + ".type", "invalid_value");
        }

        JsonObject values = JsonNodes.GetObject(strategy, "static") ?? throw ApiErrors.MissingParameter(param + ".static");
        long max = Integer(values, "max_chunk_size_tokens", param);
        long overlap = Integer(values, "chunk_overlap_tokens", param);
        if (max is < MinChunk or > MaxChunk)
        {
            throw ApiErrors.BadRequest(
                $"Invalid 'max_chunk_size_tokens': must be between {MinChunk} and {MaxChunk}, but got {max}.",
                param + ".static.max_chunk_size_tokens", "invalid_value");
        }

        if (overlap < 0 || overlap > max / 2)
        {
            throw ApiErrors.BadRequest(
                $"Invalid 'chunk_overlap_tokens': must be between 0 and half of max_chunk_size_tokens ({max / 2}), but got {overlap}.",
                param + ".static.chunk_overlap_tokens", "invalid_value");
        }

        return new ChunkingStrategy((int)max, (int)overlap);
    }

    /// <summary>Reads the strategy stored on a vector store file.</summary>
    public static ChunkingStrategy FromStored(JsonNode? node) =>
        node?["static"] is JsonObject values && values["max_chunk_size_tokens"] is JsonValue max && values["chunk_overlap_tokens"] is JsonValue overlap
            ? new ChunkingStrategy((int)max.GetValue<long>(), (int)overlap.GetValue<long>())
            : Auto;

    public JsonObject ToJson() => new()
    {
        ["type"] = "static",
        ["static"] = new JsonObject { ["max_chunk_size_tokens"] = (long)MaxChunkSizeTokens, ["chunk_overlap_tokens"] = (long)ChunkOverlapTokens },
    };

    private static long Integer(JsonObject values, string name, string param)
    {
        JsonNode? node = values[name] ?? throw ApiErrors.MissingParameter($"{param}.static.{name}");
        return node is JsonValue value && value.TryGetValue(out long number)
            ? number
            : throw ApiErrors.InvalidType($"{param}.static.{name}", "an integer", JsonNodes.Describe(node));
    }
}
