using System;
using System.Collections.Generic;
using System.Net;
using System.Net.Http;
using RichardSzalay.MockHttp;

namespace Assistants.Client.Tests;

/// <summary>
/// A client over MockHttp with every request captured, so a test can pin the exact method, URI, headers and
/// JSON body, then check what the user gets back.
/// </summary>
internal sealed class Wire : IDisposable
{
    public const string BaseUrl = "https://api.test/v1/";
    public const string ApiKey = "sk-test-0123456789abcdef";

    private readonly HttpClient _http;

    public Wire(Action<AssistantsClientOptions>? configure = null)
    {
        Capture = new CapturingHandler(Mock);
        _http = new HttpClient(Capture);
        AssistantsClientOptions options = new() { BaseUrl = new Uri(BaseUrl), ApiKey = ApiKey };
        configure?.Invoke(options);
        Client = new AssistantsApiClient(_http, options);
    }

    /// <summary>A client for <paramref name="profile"/> (no base URL of its own), every request answered with <paramref name="responseJson"/>.</summary>
    public Wire(ServerProfile profile, string responseJson, Action<AssistantsClientOptions>? configure = null)
    {
        Capture = new CapturingHandler(Mock);
        _http = new HttpClient(Capture);
        AssistantsClientOptions options = new() { Profile = profile, TokenProvider = _ => new System.Threading.Tasks.ValueTask<string>("entra-token") };
        configure?.Invoke(options);
        Mock.When("*").Respond("application/json", responseJson);
        Client = new AssistantsApiClient(_http, options);
    }

    public MockHttpMessageHandler Mock { get; } = new();

    public CapturingHandler Capture { get; }

    public AssistantsApiClient Client { get; }

    public List<CapturedRequest> Requests => Capture.Requests;

    public CapturedRequest Single
    {
        get
        {
            NUnit.Framework.Assert.That(Requests, NUnit.Framework.Has.Count.EqualTo(1), "requests sent");
            return Requests[0];
        }
    }

    /// <summary>Answers the next request to <paramref name="pathAndQuery"/> with JSON.</summary>
    public MockedRequest Expect(HttpMethod method, string pathAndQuery, string responseJson, HttpStatusCode status = HttpStatusCode.OK, IEnumerable<KeyValuePair<string, string>>? headers = null)
    {
        MockedRequest request = Mock.Expect(method, BaseUrl + pathAndQuery);
        request.Respond(status, headers ?? new Dictionary<string, string> { ["x-request-id"] = "req_test" }, "application/json", responseJson);
        return request;
    }

    public void Dispose()
    {
        Client.Dispose();
        _http.Dispose();
        Mock.Dispose();
    }
}
