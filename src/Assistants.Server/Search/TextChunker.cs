using System;
using System.Collections.Generic;
using Microsoft.ML.Tokenizers;

namespace Assistants.Server.Search;

/// <summary>
/// Splits text into windows of at most <c>max</c> tokens, each starting <c>max - overlap</c> tokens after the one
/// before, the last ending at the end of the text. Chunk boundaries fall on token boundaries of the original text.
/// </summary>
internal static class TextChunker
{
    public static List<TextChunk> Split(string text, int maxTokens, int overlapTokens)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxTokens, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(overlapTokens);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(overlapTokens, maxTokens);
        IReadOnlyList<EncodedToken> tokens = TokenCounter.Encode(text);
        List<TextChunk> chunks = [];
        int step = maxTokens - overlapTokens;
        for (int start = 0; start < tokens.Count; start += step)
        {
            int end = Math.Min(start + maxTokens, tokens.Count);
            int from = tokens[start].Offset.Start.GetOffset(text.Length);
            int to = Math.Max(from, tokens[end - 1].Offset.End.GetOffset(text.Length));
            chunks.Add(new TextChunk(text[from..Math.Min(to, text.Length)], end - start));
            if (end == tokens.Count)
            {
                break;
            }
        }

        return chunks;
    }
}
