using System.Collections.Generic;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Assistants.Client.Tests.Replay;

/// <summary>One recorded request and response, as the test-proxy format stores it.</summary>
internal sealed record RecordedEntry(
    string File,
    string RelativePath,
    int Index,
    string Method,
    string Uri,
    IReadOnlyDictionary<string, string> RequestHeaders,
    JsonElement? RequestBody,
    int StatusCode,
    IReadOnlyDictionary<string, string> ResponseHeaders,
    JsonElement? ResponseBody)
{
    /// <summary>
    /// The prefixes a server puts before the protocol's routes: OpenAI and self-hosted servers <c>/v1/</c> or
    /// <c>/api/v1/</c>, Foundry <c>/api/projects/{project}/</c> (and the older hub form
    /// <c>/agents/v1.0/subscriptions/.../workspaces/{w}/</c>), Azure OpenAI and Fabric <c>.../openai/</c>, or none.
    /// </summary>
    private static readonly Regex s_prefix = new(
        "^/(?:api/projects/[^/]+/|agents/v1\\.0/(?:[^/]+/)*?workspaces/[^/]+/|(?:[^/]+/)*?openai/|(?:api/)?v1/)?(?<route>.*)$",
        RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture);

    /// <summary>Gets the route: the path after the server's prefix (see <see cref="RouteOf"/>), without the query.</summary>
    public string Path => RouteOf(new System.Uri(Uri).AbsolutePath);

    /// <summary>Gets a value indicating whether the response is a server-sent event stream.</summary>
    public bool IsStream => ResponseHeaders.TryGetValue("Content-Type", out string? type) && type.StartsWith("text/event-stream", System.StringComparison.OrdinalIgnoreCase);

    /// <summary>Gets the stream's bytes: the recorded array of strings, concatenated.</summary>
    public string StreamText => ResponseBody is { ValueKind: JsonValueKind.Array } array
        ? string.Concat(EnumerateStrings(array))
        : ResponseBody?.GetString() ?? string.Empty;

    /// <summary>The route of a recorded absolute path, whatever prefix the server uses.</summary>
    public static string RouteOf(string absolutePath) => s_prefix.Match(absolutePath).Groups["route"].Value;

    public override string ToString() => $"{RelativePath}#{Index} {Method} {Path} -> {StatusCode}";

    private static IEnumerable<string> EnumerateStrings(JsonElement array)
    {
        foreach (JsonElement item in array.EnumerateArray())
        {
            yield return item.GetString() ?? string.Empty;
        }
    }
}
