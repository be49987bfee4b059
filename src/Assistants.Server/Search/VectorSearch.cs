using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using Assistants.Server.Storage;
using Microsoft.Extensions.AI;

namespace Assistants.Server.Search;

/// <summary>
/// Searches the indexed chunks of vector stores. Keyword ranking (BM25) always; when the host gave an embedding
/// generator and every candidate chunk has a vector, the cosine ranking joins it by reciprocal rank fusion.
/// </summary>
internal sealed class VectorSearch(IServerStore docs, IEmbeddingGenerator<string, Embedding<float>>? embeddings)
{
    /// <summary>The constant of reciprocal rank fusion (the usual 60).</summary>
    private const int FusionK = 60;

    /// <summary>BM25 scores are mapped into [0, 1) as <c>s / (s + KeywordScale)</c>.</summary>
    private const double KeywordScale = 5;

    public IEmbeddingGenerator<string, Embedding<float>>? Embeddings => embeddings;

    public async Task<List<SearchHit>> SearchAsync(
        IEnumerable<string> storeIds, IReadOnlyList<string> queries, JsonNode? filter, int maxResults, double scoreThreshold, CancellationToken cancellationToken)
    {
        List<(JsonObject Chunk, StoredDoc File)> candidates = [];
        foreach (string storeId in storeIds.Distinct())
        {
            Dictionary<string, StoredDoc> files = docs.List(DocKinds.VectorStoreFile, storeId)
                .Where(file => (string?)file.Json["status"] == "completed" && AttributeFilter.Matches(filter, Attributes(file.Json)))
                .ToDictionary(file => file.Id);
            foreach (StoredDoc chunk in docs.List(DocKinds.Chunk, storeId))
            {
                if (files.TryGetValue((string)chunk.Json["file_id"]!, out StoredDoc? file))
                {
                    candidates.Add((chunk.Json, file));
                }
            }
        }

        if (candidates.Count == 0)
        {
            return [];
        }

        double[] scores = KeywordScores(candidates, queries);
        if (embeddings is not null && candidates.All(candidate => candidate.Chunk["embedding"] is JsonArray))
        {
            double[] semantic = await SemanticScoresAsync(candidates, queries, cancellationToken).ConfigureAwait(false);
            scores = Fuse(scores, semantic);
        }
        else
        {
            scores = [.. scores.Select(score => score / (score + KeywordScale))];
        }

        return [.. Enumerable.Range(0, candidates.Count)
            .Where(i => scores[i] > 0 && scores[i] >= scoreThreshold)
            .OrderByDescending(i => scores[i]).ThenBy(i => i)
            .Take(maxResults)
            .Select(i => new SearchHit(
                (string)candidates[i].Chunk["file_id"]!, (string?)candidates[i].Chunk["filename"] ?? "", Math.Round(scores[i], 6),
                Attributes(candidates[i].File.Json), (string)candidates[i].Chunk["text"]!))];
    }

    private static JsonObject Attributes(JsonObject file) => (JsonObject?)file["attributes"]?.DeepClone() ?? [];

    private static double[] KeywordScores(List<(JsonObject Chunk, StoredDoc File)> candidates, IReadOnlyList<string> queries)
    {
        string[][] terms = [.. candidates.Select(candidate => ((string?)candidate.Chunk["terms"] ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries))];
        double[] scores = new double[candidates.Count];
        foreach (string query in queries)
        {
            double[] one = Bm25.Score(terms, KeywordTerms.Of(query));
            for (int i = 0; i < scores.Length; i++)
            {
                scores[i] += one[i];
            }
        }

        return scores;
    }

    private async Task<double[]> SemanticScoresAsync(List<(JsonObject Chunk, StoredDoc File)> candidates, IReadOnlyList<string> queries, CancellationToken cancellationToken)
    {
        GeneratedEmbeddings<Embedding<float>> queryVectors = await embeddings!.GenerateAsync(queries, cancellationToken: cancellationToken).ConfigureAwait(false);
        double[] scores = new double[candidates.Count];
        for (int i = 0; i < candidates.Count; i++)
        {
            float[] vector = [.. ((JsonArray)candidates[i].Chunk["embedding"]!).Select(node => node!.GetValue<float>())];
            scores[i] = queryVectors.Max(query => Cosine(query.Vector.Span, vector));
        }

        return scores;
    }

    /// <summary>Reciprocal rank fusion of both rankings, scaled so a chunk first in both scores 1.</summary>
    private static double[] Fuse(double[] keyword, double[] semantic)
    {
        double[] fused = new double[keyword.Length];
        AddRanks(fused, keyword, onlyPositive: true);
        AddRanks(fused, semantic, onlyPositive: false);
        double best = 2.0 / (FusionK + 1);
        return [.. fused.Select(score => score / best)];
    }

    private static void AddRanks(double[] fused, double[] scores, bool onlyPositive)
    {
        int rank = 1;
        foreach (int i in Enumerable.Range(0, scores.Length).OrderByDescending(i => scores[i]).ThenBy(i => i))
        {
            if (onlyPositive && scores[i] <= 0)
            {
                break;
            }

            fused[i] += 1.0 / (FusionK + rank++);
        }
    }

    private static double Cosine(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        int length = Math.Min(a.Length, b.Length);
        double dot = 0, normA = 0, normB = 0;
        for (int i = 0; i < length; i++)
        {
            dot += a[i] * b[i];
            normA += a[i] * a[i];
            normB += b[i] * b[i];
        }

        return normA == 0 || normB == 0 ? 0 : dot / Math.Sqrt(normA * normB);
    }
}
