using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using NUnit.Framework;

namespace Assistants.Client.Tests;

/// <summary>
/// Compares JSON as values, not text: property order and number spelling (<c>1</c> vs <c>1.0</c>) do not
/// matter. With <c>nullEqualsAbsent</c>, a property that is <c>null</c> on one side may be missing on the
/// other: the library omits nulls when it writes, which is the one normalization the replay allows.
/// </summary>
internal static class JsonAssert
{
    public static void AreEquivalent(string expected, string actual, bool nullEqualsAbsent = false, string? context = null)
    {
        List<string> differences = Differences(expected, actual, nullEqualsAbsent);
        Assert.That(differences, Is.Empty, (context is null ? string.Empty : context + ": ") + "JSON differs\nexpected: " + expected + "\nactual:   " + actual);
    }

    public static List<string> Differences(string expected, string actual, bool nullEqualsAbsent)
    {
        using JsonDocument e = JsonDocument.Parse(expected);
        using JsonDocument a = JsonDocument.Parse(actual);
        List<string> differences = new();
        Compare(e.RootElement, a.RootElement, "$", nullEqualsAbsent, differences);
        return differences;
    }

    private static void Compare(JsonElement expected, JsonElement actual, string path, bool nullEqualsAbsent, List<string> differences)
    {
        if (expected.ValueKind != actual.ValueKind)
        {
            differences.Add($"{path}: expected {expected.ValueKind} {Short(expected)}, got {actual.ValueKind} {Short(actual)}");
            return;
        }

        switch (expected.ValueKind)
        {
            case JsonValueKind.Object:
                Dictionary<string, JsonElement> left = expected.EnumerateObject().ToDictionary(p => p.Name, p => p.Value);
                Dictionary<string, JsonElement> right = actual.EnumerateObject().ToDictionary(p => p.Name, p => p.Value);
                foreach (string name in left.Keys.Union(right.Keys))
                {
                    bool inLeft = left.TryGetValue(name, out JsonElement l);
                    bool inRight = right.TryGetValue(name, out JsonElement r);
                    if (inLeft && inRight)
                    {
                        Compare(l, r, path + "." + name, nullEqualsAbsent, differences);
                    }
                    else if (!(nullEqualsAbsent && (inLeft ? l : r).ValueKind == JsonValueKind.Null))
                    {
                        differences.Add($"{path}.{name}: " + (inLeft ? "missing from actual" : "not expected") + " " + Short(inLeft ? l : r));
                    }
                }

                break;
            case JsonValueKind.Array:
                if (expected.GetArrayLength() != actual.GetArrayLength())
                {
                    differences.Add($"{path}: expected {expected.GetArrayLength()} items, got {actual.GetArrayLength()}");
                    return;
                }

                int i = 0;
                foreach ((JsonElement l, JsonElement r) in expected.EnumerateArray().Zip(actual.EnumerateArray()))
                {
                    Compare(l, r, $"{path}[{i++}]", nullEqualsAbsent, differences);
                }

                break;
            case JsonValueKind.Number:
                if (expected.GetDecimal() != actual.GetDecimal())
                {
                    differences.Add($"{path}: expected {expected.GetRawText()}, got {actual.GetRawText()}");
                }

                break;
            case JsonValueKind.String:
                if (expected.GetString() != actual.GetString())
                {
                    differences.Add($"{path}: expected {expected.GetRawText()}, got {actual.GetRawText()}");
                }

                break;
        }
    }

    private static string Short(JsonElement element)
    {
        string text = element.GetRawText();
        return text.Length <= 80 ? text : text[..80] + "...";
    }
}
