using System.Collections.Generic;
using System.Net.Http;

namespace Assistants.Client.Tests;

/// <summary>One request as it left the client: what the wire tests pin.</summary>
internal sealed record CapturedRequest(HttpMethod Method, string Uri, IReadOnlyDictionary<string, string> Headers, string? Body, string? ContentType);
