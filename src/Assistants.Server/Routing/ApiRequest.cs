using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using Assistants.Server.Errors;
using Assistants.Server.Validation;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Primitives;

namespace Assistants.Server.Routing;

/// <summary>One incoming call, reduced to what the endpoints need.</summary>
internal sealed class ApiRequest
{
    private readonly Dictionary<string, StringValues> _query;

    public ApiRequest(HttpRequestMessage message, string[] segments)
    {
        Message = message;
        Segments = segments;
        _query = QueryHelpers.ParseQuery(message.RequestUri?.Query);
    }

    public HttpRequestMessage Message { get; }

    public HttpMethod Method => Message.Method;

    public string[] Segments { get; }

    public string Path => Message.RequestUri?.AbsolutePath ?? "/";

    public string? Query(string name) => _query.TryGetValue(name, out StringValues value) ? value.ToString() : null;

    /// <summary>The JSON body checked against the protocol's limits (one of <see cref="BodyLimits"/>).</summary>
    public async Task<JsonObject> ReadBodyAsync(Action<JsonObject> limits, CancellationToken cancellationToken)
    {
        JsonObject body = await ReadBodyAsync(cancellationToken).ConfigureAwait(false);
        limits(body);
        return body;
    }

    /// <summary>The JSON body; an absent or empty body reads as <c>{}</c>, as the service treats it.</summary>
    public async Task<JsonObject> ReadBodyAsync(CancellationToken cancellationToken)
    {
        if (Message.Content is null)
        {
            return [];
        }

        byte[] bytes = await Message.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        if (bytes.Length == 0 || bytes.AsSpan().Trim(" \r\n\t"u8).IsEmpty)
        {
            return [];
        }

        try
        {
            return JsonNode.Parse(bytes) as JsonObject ?? throw ApiErrors.InvalidJson();
        }
        catch (JsonException)
        {
            throw ApiErrors.InvalidJson();
        }
    }
}
