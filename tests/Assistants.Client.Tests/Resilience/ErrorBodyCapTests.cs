using System;
using System.Net.Http;
using System.Threading.Tasks;
using Assistants.Client.Tests.Loopback;
using NUnit.Framework;

namespace Assistants.Client.Tests;

/// <summary>Error bodies are read up to 1 MiB on every path (JSON call, stream, download); a 20 MB page costs a few MB, not its size.</summary>
[TestFixture]
public sealed class ErrorBodyCapTests
{
    private const long Huge = 20L * 1024 * 1024;
    private const int Cap = 1024 * 1024;
    private const long Budget = 4L * 1024 * 1024;

    [Test]
    public Task CreateAsync_20MbErrorPage_CostsAFewMegabytesAndRawBodyIsCapped()
        => AssertCappedAsync("create_assistant", 1, c => c.Assistants.CreateAsync("gpt-4o"));

    [Test]
    public Task CreateStreamingAsync_20MbErrorPage_CostsAFewMegabytesAndRawBodyIsCapped()
        => AssertCappedAsync("create_run_stream", 1, async c => await (await c.Runs.CreateStreamingAsync("thread_1", "asst_1")).DisposeAsync());

    [Test]
    public Task DownloadAsync_20MbErrorPageOnEveryAttempt_CostsAFewMegabytesAndRawBodyIsCapped()
        => AssertCappedAsync("download_file", 3, async c => await (await c.Files.DownloadAsync("file_1")).DisposeAsync());

    private static async Task AssertCappedAsync(string what, int requests, Func<AssistantsApiClient, Task> call)
    {
        long length = 2L * 1024 * 1024;
        await using LoopbackServer server = await LoopbackServer.StartAsync(async context =>
        {
            await Faults.DrainBodyAsync(context);
            await Faults.LargeBodyAsync(context, 500, "text/html", length);
        });
        using HttpClient http = new();
        TimerRecordingTimeProvider warmUpTime = new();
        using (AssistantsApiClient warmUp = CreateFaultTests.NewClient(http, server.BaseUrl, warmUpTime))
        {
            Assert.That(await CreateFaultTests.RunAsync(warmUpTime, call(warmUp)), Is.InstanceOf<AssistantsApiException>());
        }

        // A fresh clock: a drive that ended may still be waiting on the old one's next timer.
        TimerRecordingTimeProvider time = new();
        using AssistantsApiClient client = CreateFaultTests.NewClient(http, server.BaseUrl, time);
        length = Huge;
        int before = server.Requests.Count;

        long start = GC.GetTotalAllocatedBytes(true);
        Exception? error = await CreateFaultTests.RunAsync(time, call(client));
        long allocated = GC.GetTotalAllocatedBytes(true) - start;

        TestContext.Out.WriteLine($"{what}: 20 MiB error body, {server.Requests.Count - before} request(s), {allocated:N0} bytes allocated in the process");
        Assert.Multiple(() =>
        {
            Assert.That(allocated, Is.LessThanOrEqualTo(Budget));
            Assert.That(server.Requests.Count - before, Is.EqualTo(requests), "a read is retried; only the last answer's body is read");
            Assert.That(error, Is.InstanceOf<AssistantsApiException>());
            AssistantsApiException api = (AssistantsApiException)error!;
            Assert.That(api.Status, Is.EqualTo(500));
            Assert.That(api.RawBody, Has.Length.EqualTo(Cap), "the first MiB is kept, the rest discarded");
            Assert.That(api.Message, Does.Contain("500"));
        });
    }
}
