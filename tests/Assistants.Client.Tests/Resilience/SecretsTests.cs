using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using NUnit.Framework;
using RichardSzalay.MockHttp;

namespace Assistants.Client.Tests;

/// <summary>
/// Drives every error path of the pipeline with a recognisable API key and token, then searches every exception
/// (message, <c>ToString()</c>, raw body, parsed error, headers) and every captured log line for them.
/// </summary>
[TestFixture]
public sealed class SecretsTests
{
    private const string Key = "sk-proj-RECOGNISABLE-KEY-9f8e7d6c5b4a";
    private const string Token = "eyJ-RECOGNISABLE-TOKEN-0a1b2c3d4e5f";

    public static IEnumerable<TestCaseData> Scenarios()
    {
        string echo(string secret) => "{\"error\":{\"message\":\"Incorrect API key provided: " + secret + ". You can find your API key in settings.\",\"type\":\"invalid_request_error\",\"param\":null,\"code\":\"invalid_api_key\"}}";

        yield return new TestCaseData("401 echoing the key", (Action<Scenario>)(s => s.Respond(HttpStatusCode.Unauthorized, echo(Key)))).SetName("Secrets_401EchoingKey");
        yield return new TestCaseData("401 echoing the token", (Action<Scenario>)(s =>
        {
            s.UseToken = true;
            s.Respond(HttpStatusCode.Unauthorized, echo(Token));
        })).SetName("Secrets_401EchoingToken");
        yield return new TestCaseData("500 three times", (Action<Scenario>)(s =>
        {
            for (int i = 0; i < 3; i++)
            {
                s.Respond(HttpStatusCode.InternalServerError, echo(Key));
            }
        })).SetName("Secrets_500UntilRetriesRunOut");
        yield return new TestCaseData("429 above the cap", (Action<Scenario>)(s => s.Respond((HttpStatusCode)429, echo(Key), ("Retry-After", "3600")))).SetName("Secrets_429AboveCap");
        yield return new TestCaseData("malformed JSON", (Action<Scenario>)(s => s.Respond(HttpStatusCode.OK, "{\"id\":\"" + Key))).SetName("Secrets_MalformedJson");
        yield return new TestCaseData("connection refused", (Action<Scenario>)(s =>
        {
            for (int i = 0; i < 3; i++)
            {
                s.Mock.Expect(HttpMethod.Get, Wire.BaseUrl + "assistants/asst_1")
                    .Throw(new HttpRequestException(HttpRequestError.ConnectionError, "Connection refused", new SocketException((int)SocketError.ConnectionRefused)));
            }
        })).SetName("Secrets_ConnectionRefused");
        yield return new TestCaseData("headers timeout", (Action<Scenario>)(s =>
        {
            s.Options.Timeouts.ResponseHeaders = TimeSpan.FromSeconds(5);
            s.Options.Retry.MaxRetries = 0;
            s.Mock.Expect(HttpMethod.Get, Wire.BaseUrl + "assistants/asst_1").Respond(new HangingHandler());
        })).SetName("Secrets_HeadersTimeout");
        yield return new TestCaseData("total timeout", (Action<Scenario>)(s =>
        {
            s.Options.Timeouts.Total = TimeSpan.FromSeconds(5);
            s.Mock.Expect(HttpMethod.Get, Wire.BaseUrl + "assistants/asst_1").Respond(new HangingHandler());
        })).SetName("Secrets_TotalTimeout");
        yield return new TestCaseData("plain http", (Action<Scenario>)(s => s.Options.BaseUrl = new Uri("http://assistants.example.com/v1/"))).SetName("Secrets_PlainHttpRefused");
    }

    [TestCaseSource(nameof(Scenarios))]
    public async Task ErrorPath_NeverRevealsTheCredential(string name, Action<Scenario> arrange)
    {
        Scenario scenario = new();
        arrange(scenario);
        Exception error = await scenario.RunAsync();

        List<string> texts = new() { error.ToString(), error.Message };
        if (error is AssistantsApiException api)
        {
            texts.Add(api.RawBody ?? string.Empty);
            texts.Add(api.Error?.Message ?? string.Empty);
            texts.Add(string.Join(";", api.Headers.Select(h => h.Key + "=" + h.Value)));
            texts.Add(api.Response?.ToString() ?? string.Empty);
        }

        texts.AddRange(scenario.Logs.Lines.Select(l => l.AllText));
        texts.Add(scenario.Options.ToString());

        Assert.Multiple(() =>
        {
            Assert.That(scenario.Logs.Lines, Is.Not.Empty, name + ": the scenario logged");
            Assert.That(texts, Has.None.Contains(Key), name + ": API key leaked");
            Assert.That(texts, Has.None.Contains(Token), name + ": token leaked");
        });
    }

    [Test]
    public async Task Redaction_KeepsTheRestOfTheServersMessage()
    {
        Scenario scenario = new();
        scenario.Respond(HttpStatusCode.Unauthorized, "{\"error\":{\"message\":\"Incorrect API key provided: " + Key + ".\",\"type\":\"invalid_request_error\",\"param\":null,\"code\":\"invalid_api_key\"}}");
        AuthenticationFailedException error = (AuthenticationFailedException)await scenario.RunAsync();

        Assert.That(error.Error!.Message, Is.EqualTo("Incorrect API key provided: [REDACTED]."));
        Assert.That(error.ErrorCode, Is.EqualTo("invalid_api_key"));
    }

    public sealed class Scenario
    {
        private readonly List<(HttpStatusCode Status, string Body, (string, string)[] Headers)> _answers = new();

        public Scenario()
        {
            Options.ApiKey = Key;
            Options.TimeProvider = Time;
            Options.Timeouts.ResponseHeaders = Timeout.InfiniteTimeSpan;
            Options.Timeouts.Total = Timeout.InfiniteTimeSpan;
            Options.LoggerFactory = Factory;
        }

        public bool UseToken { get; set; }

        public AssistantsClientOptions Options { get; } = new() { BaseUrl = new Uri(Wire.BaseUrl) };

        internal TimerRecordingTimeProvider Time { get; } = new();

        internal CapturingLoggerProvider Logs { get; } = new();

        internal MockHttpMessageHandler Mock { get; } = new();

        private ILoggerFactory Factory => _factory ??= Logs.CreateFactory();

        private ILoggerFactory? _factory;

        public void Respond(HttpStatusCode status, string body, params (string Name, string Value)[] headers)
            => _answers.Add((status, body, headers));

        public async Task<Exception> RunAsync()
        {
            foreach ((HttpStatusCode status, string body, (string, string)[] headers) in _answers)
            {
                Dictionary<string, string> all = new() { ["x-request-id"] = "req_secret" };
                foreach ((string n, string v) in headers)
                {
                    all[n] = v;
                }

                Mock.Expect(HttpMethod.Get, Wire.BaseUrl + "assistants/asst_1").Respond(status, all, "application/json", body);
            }

            if (UseToken)
            {
                Options.ApiKey = null;
                Options.TokenProvider = _ => new ValueTask<string>(Token);
            }

            using HttpClient http = new(Mock);
            using AssistantsApiClient client = new(http, Options);
            Task call = client.Assistants.GetAsync("asst_1");
            Task<TimeSpan>? next = null;
            while (true)
            {
                next ??= Time.NextTimerAsync();
                if (await Task.WhenAny(call, next) == call)
                {
                    break;
                }

                Time.Advance(await next);
                next = null;
            }

            try
            {
                await call;
            }
            catch (Exception ex)
            {
                Mock.Dispose();
                _factory?.Dispose();
                return ex;
            }

            throw new AssertionException("the call was expected to fail");
        }
    }
}
