using System.Net.Http;

namespace Assistants.Client.Internal;

/// <summary>
/// One operation of the protocol as the client sends it: a stable name, the HTTP method, the path template and
/// whether it may be sent again after the server may have acted on it. Every call site takes its descriptor from
/// <see cref="ApiOperations"/>; nothing else decides how a request is retried.
/// </summary>
internal sealed class ApiOperation
{
    public ApiOperation(string name, HttpMethod method, string pathTemplate, RetrySafety retry, bool streaming = false)
    {
        Name = name;
        Method = method;
        PathTemplate = pathTemplate;
        Retry = retry;
        Streaming = streaming;
    }

    /// <summary>Gets the stable snake_case name (the spec's <c>operationId</c>, with <c>_stream</c> for the streaming variant).</summary>
    public string Name { get; }

    /// <summary>Gets the HTTP method.</summary>
    public HttpMethod Method { get; }

    /// <summary>Gets the path under the base URL, with <c>{placeholders}</c> for ids.</summary>
    public string PathTemplate { get; }

    /// <summary>Gets whether the operation may be sent again after the request may have reached the server.</summary>
    public RetrySafety Retry { get; }

    /// <summary>Gets whether the answer is a server-sent event stream.</summary>
    public bool Streaming { get; }

    /// <inheritdoc />
    public override string ToString() => Name;
}
