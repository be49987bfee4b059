using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;

namespace Assistants.Client.Tests;

/// <summary>
/// Every string a user can reach from an exception or a response: message, <c>ToString()</c>, raw body, the error
/// object's fields and unknown properties, headers (names and values), request id, <c>Data</c>, and the same for
/// every inner exception. Secret tests search all of it.
/// </summary>
internal static class SecretScan
{
    public static List<string> Strings(Exception exception)
    {
        List<string> texts = new();
        Collect(exception, texts, depth: 0);
        return texts;
    }

    public static List<string> Strings(ResponseInfo? response)
    {
        List<string> texts = new();
        Collect(response, texts);
        return texts;
    }

    /// <summary>The strings (with where they came from) that contain <paramref name="secret"/>.</summary>
    public static IEnumerable<string> Leaks(IEnumerable<string> texts, string secret)
        => texts.Where(t => t.Contains(secret, StringComparison.Ordinal));

    private static void Collect(Exception? exception, List<string> texts, int depth)
    {
        if (exception is null || depth > 10)
        {
            return;
        }

        texts.Add(exception.Message);
        texts.Add(exception.ToString());
        foreach (DictionaryEntry entry in exception.Data)
        {
            texts.Add(entry.Key + "=" + entry.Value);
        }

        if (exception is AssistantsApiException api)
        {
            texts.Add(api.RawBody ?? string.Empty);
            texts.Add(api.ErrorCode ?? string.Empty);
            texts.Add(api.ErrorType ?? string.Empty);
            texts.Add(api.Param ?? string.Empty);
            texts.Add(api.RequestId ?? string.Empty);
            Collect(api.Error, texts);
            texts.AddRange(api.Headers.SelectMany(h => new[] { h.Key, h.Value }));
            Collect(api.Response, texts);
        }

        if (exception is AggregateException aggregate)
        {
            foreach (Exception inner in aggregate.InnerExceptions)
            {
                Collect(inner, texts, depth + 1);
            }
        }

        Collect(exception.InnerException, texts, depth + 1);
    }

    private static void Collect(ApiError? error, List<string> texts)
    {
        if (error is null)
        {
            return;
        }

        texts.Add(error.Message ?? string.Empty);
        texts.Add(error.Type ?? string.Empty);
        texts.Add(error.Param ?? string.Empty);
        texts.Add(error.Code ?? string.Empty);
        foreach (KeyValuePair<string, JsonElement> extra in error.AdditionalProperties ?? new Dictionary<string, JsonElement>())
        {
            texts.Add(extra.Key);
            texts.Add(extra.Value.GetRawText());
            if (extra.Value.ValueKind == JsonValueKind.String)
            {
                texts.Add(extra.Value.GetString()!);
            }
        }
    }

    private static void Collect(ResponseInfo? response, List<string> texts)
    {
        if (response is null)
        {
            return;
        }

        texts.Add(response.ToString());
        texts.Add(response.RequestId ?? string.Empty);
        foreach (KeyValuePair<string, string> header in response.Headers)
        {
            texts.Add(header.Key);
            texts.Add(header.Value);
            texts.Add(response.GetHeader(header.Key) ?? string.Empty);
        }
    }
}
