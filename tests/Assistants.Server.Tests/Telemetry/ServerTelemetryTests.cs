using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Threading.Tasks;
using Assistants.Client;
using Assistants.Server.Model;
using Assistants.Server.Tests.EndToEnd;
using NUnit.Framework;

namespace Assistants.Server.Tests.Telemetry;

/// <summary>
/// The server's spans and metrics (source and meter <c>Assistants.Server</c>) next to the client's (<c>Assistants.Client</c>)
/// in one process: one trace, told apart by source. Spans are filtered by this test's own root activity.
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed class ServerTelemetryTests
{
    private static readonly ActivitySource s_tests = new("Assistants.Server.Tests.Telemetry");

    private static FunctionToolRegistry WeatherTools() => new FunctionToolRegistry().Add(EndToEndApi.WeatherFunction, _ => "warm and sunny");

    [Test]
    public async Task StreamedToolRun_ServerSpanPerPass_WithAChatChild_UnderTheClientsInvokeAgent()
    {
        using Capture capture = new();
        await using EndToEndApi api = new();
        string assistantId = await api.CreateAssistantAsync(withWeatherTool: true);
        string threadId = await api.CreateThreadAsync();
        api.Model.Enqueue(ScriptedTurn.CallFunction(EndToEndApi.WeatherFunction)).Enqueue(ScriptedTurn.Reply("Wear a t-shirt."));
        Activity root = s_tests.StartActivity("test")!;

        ThreadRun run = await api.Client.Runs.CreateAndStreamToolsAsync(threadId, assistantId, WeatherTools(), new TextRecordingHandler(), pollingOptions: api.Polling);
        await api.Server.WaitForIdleAsync();
        root.Stop();

        List<Activity> spans = capture.Spans(root.TraceId);
        Activity client = spans.Single(a => a.Source.Name == "Assistants.Client" && a.OperationName == "invoke_agent");
        List<Activity> passes = spans.Where(a => a.Source.Name == "Assistants.Server" && a.OperationName == "invoke_agent").ToList();
        List<Activity> chats = spans.Where(a => a.Source.Name == "Assistants.Server" && Equals(a.GetTagItem("gen_ai.operation.name"), "chat")).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(run.Status, Is.EqualTo(RunStatus.Completed));
            Assert.That(passes, Has.Count.EqualTo(2), "one pass to requires_action, one after the tool outputs");
            Assert.That(passes.Select(p => p.ParentSpanId), Is.All.EqualTo(client.SpanId), "the server's work joins the client's trace in process");
            Assert.That(passes.Select(p => p.Kind), Is.All.EqualTo(ActivityKind.Internal));
            Assert.That(passes.Select(p => p.GetTagItem("gen_ai.provider.name")), Is.All.EqualTo("assistants.server"));
            Assert.That(passes.Select(p => p.GetTagItem("gen_ai.response.id")), Is.All.EqualTo(run.Id));
            Assert.That(passes.Select(p => p.GetTagItem("gen_ai.conversation.id")), Is.All.EqualTo(threadId));
            Assert.That(passes.Select(p => p.GetTagItem("gen_ai.agent.id")), Is.All.EqualTo(assistantId));
            Assert.That(passes.Select(p => p.GetTagItem("assistants.run.status")), Is.EqualTo(new[] { "requires_action", "completed" }));
            Assert.That(chats, Has.Count.EqualTo(2));
            Assert.That(chats.Select(c => c.DisplayName), Is.All.EqualTo("chat gpt-4o"));
            Assert.That(chats.Select(c => c.ParentSpanId), Is.EqualTo(passes.Select(p => p.SpanId)));
            Assert.That(chats.Select(c => c.Kind), Is.All.EqualTo(ActivityKind.Client));
        });
    }

    [Test]
    public async Task FailedModel_ServerSpanHasTheRunsErrorCode_AndTheChatSpanTheException()
    {
        using Capture capture = new();
        await using EndToEndApi api = new();
        string assistantId = await api.CreateAssistantAsync();
        string threadId = await api.CreateThreadAsync();
        api.Model.Enqueue(ScriptedTurn.Throw(new InvalidOperationException("The model is down.")));
        Activity root = s_tests.StartActivity("test")!;

        ThreadRun run = await api.Client.Runs.CreateAndPollAsync(threadId, assistantId, pollingOptions: new RunPollingOptions { TimeProvider = api.PollClock, ThrowOnFailure = false });
        await api.Server.WaitForIdleAsync();
        root.Stop();

        List<Activity> spans = capture.Spans(root.TraceId);
        Activity pass = spans.Single(a => a.Source.Name == "Assistants.Server" && a.OperationName == "invoke_agent");
        Activity chat = spans.Single(a => a.Source.Name == "Assistants.Server" && a.DisplayName.StartsWith("chat", StringComparison.Ordinal));
        Assert.Multiple(() =>
        {
            Assert.That(run.Status, Is.EqualTo(RunStatus.Failed));
            Assert.That(pass.GetTagItem("error.type"), Is.EqualTo("server_error"));
            Assert.That(pass.Status, Is.EqualTo(ActivityStatusCode.Error));
            Assert.That(chat.GetTagItem("error.type"), Is.EqualTo(typeof(InvalidOperationException).FullName));
            Assert.That(spans.Single(a => a.Source.Name == "Assistants.Client").GetTagItem("error.type"), Is.EqualTo("server_error"));
        });
    }

    [Test]
    public async Task Metrics_RequestDuration_ModelDuration_AndTokenUsage_WithTheConventionsAttributes()
    {
        using Capture capture = new();
        await using EndToEndApi api = new();
        string assistantId = await api.CreateAssistantAsync();
        string threadId = await api.CreateThreadAsync();
        api.Model.Enqueue(ScriptedTurn.Reply("Wear a coat."));

        ThreadRun run = await api.Client.Runs.CreateAndPollAsync(threadId, assistantId, pollingOptions: api.Polling);
        await api.Server.WaitForIdleAsync();

        Assert.Multiple(() =>
        {
            Assert.That(run.Status, Is.EqualTo(RunStatus.Completed));
            var request = capture.Measurements("gen_ai.server.request.duration", "gpt-4o");
            Assert.That(request, Is.Not.Empty);
            Assert.That(request[0]["gen_ai.operation.name"], Is.EqualTo("invoke_agent"));
            Assert.That(capture.Measurements("gen_ai.client.operation.duration", "gpt-4o").Select(t => t["gen_ai.operation.name"]), Does.Contain("chat"));
            Assert.That(capture.Measurements("gen_ai.client.token.usage", "gpt-4o").Select(t => t["gen_ai.token.type"]), Does.Contain("input").And.Contain("output"));
        });
    }

    /// <summary>Listens to both libraries, as one process hosting client and server would.</summary>
    private sealed class Capture : IDisposable
    {
        private readonly ActivityListener _activities;
        private readonly MeterListener _meters = new();
        private readonly ConcurrentQueue<Activity> _stopped = new();
        private readonly ConcurrentQueue<(string Instrument, Dictionary<string, object?> Tags)> _measured = new();

        public Capture()
        {
            _activities = new ActivityListener
            {
                ShouldListenTo = source => source.Name.StartsWith("Assistants.", StringComparison.Ordinal),
                Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
                ActivityStopped = activity => _stopped.Enqueue(activity),
            };
            ActivitySource.AddActivityListener(_activities);
            _meters.InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Name == "Assistants.Server")
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            };
            _meters.SetMeasurementEventCallback<double>((instrument, _, tags, _) => Measured(instrument, tags));
            _meters.SetMeasurementEventCallback<long>((instrument, _, tags, _) => Measured(instrument, tags));
            _meters.Start();
        }

        public List<Activity> Spans(ActivityTraceId traceId) => _stopped.Where(a => a.TraceId == traceId && a.Source.Name != s_tests.Name).ToList();

        public List<Dictionary<string, object?>> Measurements(string instrument, string model)
            => _measured.Where(m => m.Instrument == instrument && Equals(m.Tags.GetValueOrDefault("gen_ai.request.model"), model)).Select(m => m.Tags).ToList();

        public void Dispose()
        {
            _activities.Dispose();
            _meters.Dispose();
        }

        private void Measured(Instrument instrument, ReadOnlySpan<KeyValuePair<string, object?>> tags)
        {
            Dictionary<string, object?> copy = new();
            foreach (KeyValuePair<string, object?> tag in tags)
            {
                copy[tag.Key] = tag.Value;
            }

            _measured.Enqueue((instrument.Name, copy));
        }
    }
}
