// Telemetry: the client's and the embedded server's OpenTelemetry spans and metrics, printed by the OpenTelemetry
// SDK's console exporter. The client emits from the source and meter "Assistants.Client", the server from
// "Assistants.Server" (GenAI semantic conventions v1.38.0): create_agent, one invoke_agent per run across its tool
// rounds, execute_tool per local function; gen_ai.client.operation.duration and gen_ai.client.token.usage.
using System;
using Assistants.Client;
using Assistants.Samples;
using Assistants.Server.Model;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

// 1. Export traces and metrics to the console. In a service: AddOpenTelemetry().WithTracing(...).WithMetrics(...)
//    with the same AddSource/AddMeter calls, and an OTLP exporter instead of the console.
using TracerProvider tracing = Sdk.CreateTracerProviderBuilder()
    .AddSource(TelemetryOptions.SourceName, "Assistants.Server")
    .AddConsoleExporter()
    .Build();
MeterProvider metering = Sdk.CreateMeterProviderBuilder()
    .AddMeter(TelemetryOptions.SourceName, "Assistants.Server")
    .AddConsoleExporter()
    .Build();

Console.WriteLine("1. Tracing and metrics go to the console exporter");
await using (SampleBackend backend = SampleBackend.Create())
{
    AssistantsApiClient client = backend.Client;

    // Offline, the scripted model asks for two tools one after the other (two tool rounds), then answers.
    backend.Script(
        ScriptedTurn.CallFunction("get_weather", """{"city":"Oslo"}"""),
        ScriptedTurn.CallFunction("get_local_time", """{"city":"Oslo"}"""),
        ScriptedTurn.Reply("It is sunny in Oslo and the local time is 14:00."));

    var tools = new FunctionToolRegistry()
        .Add("get_weather", _ => """{"forecast":"sunny"}""")
        .Add("get_local_time", _ => """{"time":"14:00"}""");

    Console.WriteLine("\n2. Create an assistant (a create_agent span)");
    Assistant assistant = await client.Assistants.CreateAsync(backend.Model, new AssistantCreationOptions
    {
        Name = "Weather Assistant",
        Instructions = "Answer with the weather and the local time; use the tools.",
        Tools =
        [
            new FunctionToolDefinition("get_weather", "The forecast for a city."),
            new FunctionToolDefinition("get_local_time", "The local time in a city."),
        ],
    });
    AssistantThread thread = await client.Threads.CreateAsync();
    await client.Messages.CreateAsync(thread.Id, MessageRole.User, "Weather and time in Oslo?");

    Console.WriteLine("\n3. A streamed run with the tool loop (one invoke_agent span, one execute_tool span per function)");
    ThreadRun run = await client.Runs.CreateAndStreamToolsAsync(thread.Id, assistant.Id, tools, new TextPrinter());
    Console.WriteLine($"\n   run {run.Id} ended {run.Status}");

    await client.Threads.DeleteAsync(thread.Id);
    await client.Assistants.DeleteAsync(assistant.Id);
}

// 4. Disposing the meter provider exports the metrics one last time.
Console.WriteLine("\n4. Metrics");
metering.Dispose();
return 0;

/// <summary>Prints the answer as it streams.</summary>
internal sealed class TextPrinter : AssistantEventHandler
{
    protected override void OnTextDelta(string text, int contentIndex) => Console.Write(text);
}
