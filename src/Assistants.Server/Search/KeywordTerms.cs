using System;
using System.Collections.Frozen;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace Assistants.Server.Search;

/// <summary>
/// The terms keyword ranking compares: lower-cased letter and digit runs, common English stop words dropped, and a
/// light suffix stemmer (plurals, <c>-ing</c>, <c>-ed</c>, <c>-ly</c>, ...) so that "refunds", "refunded" and
/// "refunding" meet.
/// </summary>
internal static class KeywordTerms
{
    private static readonly FrozenSet<string> s_stopWords = FrozenSet.ToFrozenSet(
    [
        "a", "about", "above", "after", "again", "all", "am", "an", "and", "any", "are", "as", "at", "be", "because", "been",
        "before", "being", "below", "between", "both", "but", "by", "can", "could", "did", "do", "does", "doing", "down",
        "during", "each", "few", "for", "from", "further", "get", "got", "had", "has", "have", "having", "he", "her", "here",
        "hers", "him", "his", "how", "i", "if", "in", "into", "is", "it", "its", "just", "me", "might", "more", "most", "must",
        "my", "no", "nor", "not", "now", "of", "off", "on", "once", "only", "or", "other", "our", "ours", "out", "over", "own",
        "same", "shall", "she", "should", "so", "some", "such", "than", "that", "the", "their", "them", "then", "there",
        "these", "they", "this", "those", "through", "to", "too", "under", "until", "up", "very", "was", "we", "were", "what",
        "when", "where", "which", "while", "who", "whom", "why", "will", "with", "would", "you", "your", "yours", "using",
        "use", "files", "file", "tell", "please", "know", "want", "need",
    ], StringComparer.Ordinal);

    public static List<string> Of(string text)
    {
        List<string> terms = [];
        var word = new StringBuilder();
        foreach (char c in text)
        {
            if (char.IsLetterOrDigit(c))
            {
                word.Append(char.ToLower(c, CultureInfo.InvariantCulture));
            }
            else if (c != '\'' || word.Length == 0)
            {
                Flush(word, terms);
            }
        }

        Flush(word, terms);
        return terms;
    }

    public static string Stem(string word)
    {
        string stem = StemSuffix(word);
        return stem.Length > 3 && stem[^1] == 'e' && !char.IsDigit(stem[0]) ? stem[..^1] : stem; // "store", "stored" -> "stor"
    }

    private static string StemSuffix(string word)
    {
        if (word.Length <= 3 || char.IsDigit(word[^1]))
        {
            return word;
        }

        if (word.EndsWith("'s", StringComparison.Ordinal))
        {
            word = word[..^2];
        }

        word = word.Replace("'", "", StringComparison.Ordinal);
        if (word.EndsWith("ies", StringComparison.Ordinal) && word.Length > 4)
        {
            return word[..^3] + "y";
        }

        foreach (string suffix in (ReadOnlySpan<string>)["ingly", "edly", "ing", "ed", "ly", "es", "s"])
        {
            if (word.EndsWith(suffix, StringComparison.Ordinal) && word.Length - suffix.Length >= 3
                && !(suffix == "s" && (word.EndsWith("ss", StringComparison.Ordinal) || word.EndsWith("us", StringComparison.Ordinal) || word.EndsWith("is", StringComparison.Ordinal)))
                && !(suffix == "es" && !EndsWithSibilant(word[..^2])))
            {
                string stem = word[..^suffix.Length];
                if (suffix is "ing" or "ed" && stem.Length > 3 && stem[^1] == stem[^2] && stem[^1] is not ('l' or 's' or 'z'))
                {
                    stem = stem[..^1]; // "shipped" -> "ship"
                }

                return stem;
            }
        }

        return word;
    }

    private static bool EndsWithSibilant(string stem) =>
        stem.EndsWith('s') || stem.EndsWith('x') || stem.EndsWith('z') || stem.EndsWith("ch", StringComparison.Ordinal) || stem.EndsWith("sh", StringComparison.Ordinal);

    private static void Flush(StringBuilder word, List<string> terms)
    {
        if (word.Length == 0)
        {
            return;
        }

        string text = word.ToString().Trim('\'');
        word.Clear();
        if (text.Length > 0 && !s_stopWords.Contains(text))
        {
            terms.Add(Stem(text));
        }
    }
}
