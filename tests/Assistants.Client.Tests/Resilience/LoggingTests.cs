using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using Assistants.Client.Internal;
using Microsoft.Extensions.Logging;
using NUnit.Framework;

namespace Assistants.Client.Tests;

[TestFixture]
public sealed class LoggingTests
{
    [Test]
    public async Task GetAsync_500Then200_LogsBothRequestsAndTheRetry()
    {
        TimerRecordingTimeProvider time = new();
        CapturingLoggerProvider logs = new();
        using ILoggerFactory factory = logs.CreateFactory();
        using Wire wire = RetryTests.NewWire(time, o => o.LoggerFactory = factory);
        wire.Expect(HttpMethod.Get, "assistants/asst_1", RetryTests.ServerError, HttpStatusCode.InternalServerError);
        wire.Expect(HttpMethod.Get, "assistants/asst_1", RetryTests.AssistantJson);

        Task<Assistant> call = wire.Client.Assistants.GetAsync("asst_1");
        await time.AdvanceToNextTimerAsync();
        await call;

        LogLine[] sent = logs.Lines.Where(l => l.EventName == "RequestSent").ToArray();
        LogLine retry = logs.Lines.Single(l => l.EventName == "RetryScheduled");
        Assert.Multiple(() =>
        {
            Assert.That(sent, Has.Length.EqualTo(2));
            Assert.That(sent.All(l => l.Level == LogLevel.Debug && l.Category == "Assistants.Client"));
            Assert.That(sent[0].Message, Does.Contain("GET /v1/assistants/asst_1 answered 500").And.Contain("attempt 1").And.Contain("req_test"));
            Assert.That(sent[1].Message, Does.Contain("answered 200").And.Contain("attempt 2"));
            Assert.That(retry.Level, Is.EqualTo(LogLevel.Information));
            Assert.That(retry.Message, Does.Contain("in 500 ms").And.Contain("retry 1 of 2").And.Contain("status 500"));
            Assert.That(logs.Lines.Select(l => l.AllText), Has.None.Contains("asst_1\",\"object\""), "bodies are not logged");
            Assert.That(logs.Lines.Select(l => l.AllText), Has.None.Contains("server had an error"), "error bodies are not logged");
        });
    }

    [Test]
    public void CreateMessageLike_500_LogsWhyItIsNotRetried()
    {
        TimerRecordingTimeProvider time = new();
        CapturingLoggerProvider logs = new();
        using ILoggerFactory factory = logs.CreateFactory();
        using Wire wire = RetryTests.NewWire(time, o => o.LoggerFactory = factory);
        wire.Expect(HttpMethod.Post, "threads/thread_1/runs", RetryTests.ServerError, HttpStatusCode.InternalServerError);

        Assert.ThrowsAsync<AssistantsApiException>(() => wire.Client.Pipeline.CallAsync(
            ApiOperations.CreateRun, "threads/thread_1/runs", new JsonBody("{}"u8.ToArray()), Serialization.AssistantsJsonContext.Default.Assistant, default));

        LogLine declined = logs.Lines.Single(l => l.EventName == "RetryDeclined");
        Assert.That(declined.Message, Does.Contain("POST /v1/threads/thread_1/runs").And.Contain("could duplicate"));
    }

    [Test]
    public void UnknownValue_CanBeLoggedByOtherComponents()
    {
        CapturingLoggerProvider logs = new();
        using ILoggerFactory factory = logs.CreateFactory();
        using Wire wire = new(o => o.LoggerFactory = factory);

        Log.UnknownValue(wire.Client.Pipeline.Logger, "stream event", "thread.run.paused");

        LogLine line = logs.Lines.Single();
        Assert.Multiple(() =>
        {
            Assert.That(line.EventName, Is.EqualTo("UnknownValue"));
            Assert.That(line.Message, Is.EqualTo("Unknown stream event 'thread.run.paused' received; kept as it is"));
        });
    }

    [Test]
    public void NoLoggerFactory_LogsNothingAndDoesNotFail()
    {
        using Wire wire = new();
        Assert.That(wire.Client.Pipeline.Logger, Is.SameAs(Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance));
    }

    [Test]
    public void DependencyInjection_UsesTheContainersLoggerFactory()
    {
        CapturingLoggerProvider logs = new();
        Microsoft.Extensions.DependencyInjection.ServiceCollection services = new();
        Microsoft.Extensions.DependencyInjection.LoggingServiceCollectionExtensions.AddLogging(services, b => b.SetMinimumLevel(LogLevel.Trace).AddProvider(logs));
        Microsoft.Extensions.DependencyInjection.AssistantsServiceCollectionExtensions.AddAssistantsClient(services, o => { o.ApiKey = Wire.ApiKey; o.BaseUrl = new System.Uri(Wire.BaseUrl); });
        using Microsoft.Extensions.DependencyInjection.ServiceProvider provider = Microsoft.Extensions.DependencyInjection.ServiceCollectionContainerBuilderExtensions.BuildServiceProvider(services);

        AssistantsApiClient client = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<AssistantsApiClient>(provider);
        Log.UnknownValue(client.Pipeline.Logger, "status", "paused");

        Assert.That(logs.Lines.Any(l => l.EventName == "UnknownValue"));
        Assert.That(client.Pipeline.HttpClient.Timeout, Is.EqualTo(System.Threading.Timeout.InfiniteTimeSpan));
    }
}
