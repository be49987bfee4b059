using System;
using System.Threading.Tasks;
using NUnit.Framework;

namespace Assistants.Client.Tests.Performance;

/// <summary>
/// Byte budgets of the paths that are not delta streams, through the public API against <see cref="GeneratedServer"/>
/// (realistic bodies, answered synchronously): GET run, listing 1,000 messages in pages of 100, and a short streamed
/// run of 61 events. Each call is measured on this thread with <see cref="GC.GetAllocatedBytesForCurrentThread"/>
/// after warm-up; the test checks the call completed synchronously, so no byte was allocated elsewhere. Never time.
/// The budgets are the measured figures plus about 10 %: they catch a regression (a second copy of a body, eager
/// header dictionaries, runs parsed whether read or not). The goals (6 KB, 1.5 KB, 20 KB) and how far each is
/// are in docs/PERFORMANCE.md.
/// </summary>
[TestFixture]
public sealed class CallAllocationTests
{
    private const int Calls = 20;

#if LIBRARY_NETSTANDARD
    // The netstandard2.0 build reads through the older HttpContent and header APIs: measured 6,536 B, 1,199 B and 27,712 B
    // (before the hand-read models, deferred message and step events and the unparsed Accept header: 8,392 B, 1,649 B
    // and 34,600 B).
    private const double MaxGetRunBytes = 7_190;
    private const double MaxBytesPerMessage = 1_319;
    private const double MaxShortRunBytes = 30_483;
#else
    // Measured 6,224 B, 1,196 B and 25,776 B (before the hand-read models, deferred message and step events and the
    // unparsed Accept header: 8,080 B, 1,646 B and 32,664 B; before the request-path work: 13,416 B, 3,217 B and 44,528 B).
    private const double MaxGetRunBytes = 6_846;
    private const double MaxBytesPerMessage = 1_316;
    private const double MaxShortRunBytes = 28_354;
#endif

    [Test]
    public async Task GetRun_StaysWithinItsByteBudget()
    {
        using AssistantsApiClient client = Create(out _);
        double perCall = await MeasureAsync(async () =>
        {
            ThreadRun run = await client.Runs.GetAsync(GeneratedBodies.ThreadId, GeneratedBodies.RunId);
            return run.Tools!.Count;
        }, expected: 2);

        TestContext.Out.WriteLine($"GET run: {perCall:N0} B/call");
        Assert.That(perCall, Is.LessThanOrEqualTo(MaxGetRunBytes));
    }

    [Test]
    public async Task ListMessages_StaysWithinItsByteBudgetPerMessage()
    {
        using AssistantsApiClient client = Create(out _);
        double perList = await MeasureAsync(
            async () =>
            {
                int count = 0;
                await foreach (ThreadMessage message in client.Messages.ListAsync(GeneratedBodies.ThreadId, new MessageCollectionOptions { Limit = GeneratedServer.PageSize }))
                {
                    count += message.Content!.Count;
                }

                return count;
            },
            expected: GeneratedServer.MessageCount,
            calls: 3);

        double perMessage = perList / GeneratedServer.MessageCount;
        TestContext.Out.WriteLine($"list: {perMessage:N0} B/message");
        Assert.That(perMessage, Is.LessThanOrEqualTo(MaxBytesPerMessage));
    }

    [Test]
    public async Task ShortStreamedRun_StaysWithinItsByteBudget()
    {
        using AssistantsApiClient client = Create(out GeneratedServer server);
        double perRun = await MeasureAsync(async () =>
        {
            int length = 0;
            RunStatus? status = null;
            await using RunStream stream = await client.Runs.CreateStreamingAsync(GeneratedBodies.ThreadId, GeneratedBodies.AssistantId);
            await foreach (StreamingUpdate update in stream)
            {
                length += (update as MessageDeltaUpdate)?.Text?.Length ?? 0;
                status = (update as RunUpdate)?.Status ?? status;
            }

            Assert.That(status, Is.EqualTo(RunStatus.Completed));
            return length;
        }, expected: server.ShortRunText.Length);

        TestContext.Out.WriteLine($"short run: {perRun:N0} B/run");
        Assert.That(perRun, Is.LessThanOrEqualTo(MaxShortRunBytes));
    }

    private static AssistantsApiClient Create(out GeneratedServer server)
        => new(GeneratedServer.CreateClient(out server), new AssistantsClientOptions { BaseUrl = new Uri(Wire.BaseUrl), ApiKey = Wire.ApiKey });

    /// <summary>Warms up, then returns the average bytes of <paramref name="calls"/> calls, each checked to complete on this thread.</summary>
    private static async Task<double> MeasureAsync(Func<Task<int>> call, int expected, int calls = Calls)
    {
        for (int i = 0; i < 3; i++)
        {
            Assert.That(await call(), Is.EqualTo(expected));
        }

        long total = 0;
        for (int i = 0; i < calls; i++)
        {
            long before = GC.GetAllocatedBytesForCurrentThread();
            Task<int> task = call();
            long after = GC.GetAllocatedBytesForCurrentThread();
            Assert.That(task.IsCompleted, Is.True, "the in-memory server answers synchronously, so every byte is on this thread");
            Assert.That(await task, Is.EqualTo(expected));
            total += after - before;
        }

        return total / (double)calls;
    }
}
