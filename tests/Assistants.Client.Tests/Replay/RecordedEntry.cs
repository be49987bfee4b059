using System.Collections.Generic;
using System.Text.Json;

namespace Assistants.Client.Tests.Replay;

/// <summary>One recorded request and response, as the test-proxy format stores it.</summary>
internal sealed record RecordedEntry(
    string File,
    int Index,
    string Method,
    string Uri,
    IReadOnlyDictionary<string, string> RequestHeaders,
    JsonElement? RequestBody,
    int StatusCode,
    IReadOnlyDictionary<string, string> ResponseHeaders,
    JsonElement? ResponseBody)
{
    /// <summary>Gets the path after the <c>/v1/</c> prefix, without the query.</summary>
    public string Path
    {
        get
        {
            string path = new System.Uri(Uri).AbsolutePath;
            int v1 = path.IndexOf("/v1/", System.StringComparison.Ordinal);
            return v1 >= 0 ? path[(v1 + 4)..] : path.TrimStart('/');
        }
    }

    /// <summary>Gets a value indicating whether the response is a server-sent event stream.</summary>
    public bool IsStream => ResponseHeaders.TryGetValue("Content-Type", out string? type) && type.StartsWith("text/event-stream", System.StringComparison.OrdinalIgnoreCase);

    /// <summary>Gets the stream's bytes: the recorded array of strings, concatenated.</summary>
    public string StreamText => ResponseBody is { ValueKind: JsonValueKind.Array } array
        ? string.Concat(EnumerateStrings(array))
        : ResponseBody?.GetString() ?? string.Empty;

    public override string ToString() => $"{System.IO.Path.GetFileName(File)}#{Index} {Method} {Path} -> {StatusCode}";

    private static IEnumerable<string> EnumerateStrings(JsonElement array)
    {
        foreach (JsonElement item in array.EnumerateArray())
        {
            yield return item.GetString() ?? string.Empty;
        }
    }
}
