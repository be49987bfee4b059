using System;
using System.Collections.Generic;
using System.Linq;

namespace Assistants.Server.Search;

/// <summary>Okapi BM25 (k1 = 1.2, b = 0.75) over the candidate chunks' terms, computed per query.</summary>
internal static class Bm25
{
    private const double K1 = 1.2;
    private const double B = 0.75;

    /// <summary>The BM25 score of each document (its terms) for the query terms; 0 where nothing matches.</summary>
    public static double[] Score(IReadOnlyList<string[]> documents, IReadOnlyCollection<string> queryTerms)
    {
        double[] scores = new double[documents.Count];
        if (documents.Count == 0 || queryTerms.Count == 0)
        {
            return scores;
        }

        double averageLength = Math.Max(1, documents.Average(terms => terms.Length));
        var distinctQuery = queryTerms.Distinct().ToArray();
        var documentFrequency = new Dictionary<string, int>(StringComparer.Ordinal);
        var frequencies = new Dictionary<string, int>[documents.Count];
        for (int i = 0; i < documents.Count; i++)
        {
            var counts = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (string term in documents[i])
            {
                counts[term] = counts.GetValueOrDefault(term) + 1;
            }

            frequencies[i] = counts;
            foreach (string term in distinctQuery)
            {
                if (counts.ContainsKey(term))
                {
                    documentFrequency[term] = documentFrequency.GetValueOrDefault(term) + 1;
                }
            }
        }

        int n = documents.Count;
        for (int i = 0; i < n; i++)
        {
            double lengthNorm = 1 - B + (B * documents[i].Length / averageLength);
            foreach (string term in distinctQuery)
            {
                if (!frequencies[i].TryGetValue(term, out int tf))
                {
                    continue;
                }

                int df = documentFrequency[term];
                double idf = Math.Log(1 + ((n - df + 0.5) / (df + 0.5)));
                scores[i] += idf * (tf * (K1 + 1)) / (tf + (K1 * lengthNorm));
            }
        }

        return scores;
    }
}
