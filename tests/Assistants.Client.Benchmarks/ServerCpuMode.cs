using System;
using System.Diagnostics;
using System.Net.Http;
using System.Threading.Tasks;
using Assistants.Server;

namespace Assistants.Client.Benchmarks;

/// <summary>
/// <c>--server-cpu</c>: streamed runs one after another through an in-process <see cref="AssistantsServer"/> (no
/// sockets), reporting process CPU and bytes allocated per run (client and server together; the client's share is
/// the same before and after a server change).
/// </summary>
internal static class ServerCpuMode
{
    public static async Task<int> RunAsync(BenchArgs args)
    {
        int runs = args.Get("--runs", 2000);
        await using AssistantsServer server = new();
        using HttpClient http = new(server.CreateHandler());
        using AssistantsApiClient client = new(http, new AssistantsClientOptions { Profile = ServerProfile.OpenAICompatible(new Uri("http://localhost/v1/")) });
        Assistant assistant = await client.Assistants.CreateAsync("gpt-4o-mini", new AssistantCreationOptions { Name = "load", Instructions = "Answer briefly." });
        await RunManyAsync(client, assistant.Id, runs / 4);
        TimeSpan cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        long bytesBefore = GC.GetTotalAllocatedBytes(true);
        await RunManyAsync(client, assistant.Id, runs);
        long bytes = GC.GetTotalAllocatedBytes(true) - bytesBefore;
        TimeSpan cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
        Console.WriteLine($"{runs} runs: {cpu.TotalMilliseconds / runs:F3} ms CPU/run, {bytes / runs:N0} bytes/run");
        return 0;
    }

    private static async Task RunManyAsync(AssistantsApiClient client, string assistantId, int runs)
    {
        for (int i = 0; i < runs; i++)
        {
            ThreadCreationOptions thread = new() { Messages = [new ThreadInitializationMessage(MessageRole.User, "Hello, how are you?")] };
            await using RunStream stream = await client.Runs.CreateThreadAndRunStreamingAsync(assistantId, thread);
            await foreach (StreamingUpdate update in stream)
            {
                _ = update;
            }
        }
    }
}
