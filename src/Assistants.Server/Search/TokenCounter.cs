using System;
using System.Collections.Generic;
using Microsoft.ML.Tokenizers;

namespace Assistants.Server.Search;

/// <summary>Real token counts with the <c>o200k_base</c> encoding (the GPT-4o family's), loaded once from its NuGet data package.</summary>
internal static class TokenCounter
{
    private static readonly Lazy<TiktokenTokenizer> s_tokenizer = new(() => TiktokenTokenizer.CreateForEncoding("o200k_base"));

    public static int Count(string text) => s_tokenizer.Value.CountTokens(text);

    /// <summary>The tokens of <paramref name="text"/> with their offsets into it.</summary>
    public static IReadOnlyList<EncodedToken> Encode(string text) => s_tokenizer.Value.EncodeToTokens(text, out _);
}
