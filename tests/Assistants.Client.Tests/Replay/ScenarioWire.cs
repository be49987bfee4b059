using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text.Json;
using NUnit.Framework;
using RichardSzalay.MockHttp;

namespace Assistants.Client.Tests.Replay;

/// <summary>A client whose mock answers each request with the next recorded response, in the recorded order.</summary>
internal sealed class ScenarioWire : IDisposable
{
    private readonly Wire _wire;
    private readonly List<RecordedEntry> _entries;

    public ScenarioWire(string scenario)
    {
        _entries = Recordings.Scenario(scenario).ToList();
        Uri first = new(_entries[0].Uri);
        _wire = new Wire(o => o.BaseUrl = new Uri(first.GetLeftPart(UriPartial.Authority) + "/v1/"));
        foreach (RecordedEntry entry in _entries)
        {
            _wire.Mock.Expect(new HttpMethod(entry.Method), entry.Uri)
                .Respond((HttpStatusCode)entry.StatusCode, new Dictionary<string, string> { ["x-request-id"] = "req_replay" }, "application/json", entry.ResponseBody?.GetRawText() ?? "{}");
        }
    }

    public AssistantsApiClient Client => _wire.Client;

    public int CountResponses(Func<(string Method, string? ResponseStatus), bool> predicate)
        => _entries.Count(e => predicate((e.Method, e.ResponseBody is { ValueKind: JsonValueKind.Object } body && body.TryGetProperty("status", out JsonElement s) ? s.GetString() : null)));

    public void AssertFollowedTheRecording()
    {
        List<CapturedRequest> sent = _wire.Requests;
        Assert.That(sent.Select(r => r.Method + " " + r.Uri), Is.EqualTo(_entries.Select(e => e.Method + " " + e.Uri)), "request sequence");
        for (int i = 0; i < _entries.Count; i++)
        {
            string expected = _entries[i].RequestBody?.GetRawText() ?? "{}";
            string actual = string.IsNullOrEmpty(sent[i].Body) ? "{}" : sent[i].Body!;
            JsonAssert.AreEquivalent(expected, actual, context: $"request {i} ({_entries[i].Method} {_entries[i].Uri})");
            Assert.That(sent[i].Headers["OpenAI-Beta"], Is.EqualTo(_entries[i].RequestHeaders["OpenAI-Beta"]), $"request {i} OpenAI-Beta");
        }

        _wire.Mock.VerifyNoOutstandingExpectation();
    }

    public void Dispose() => _wire.Dispose();
}
