using System;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using NUnit.Framework;

namespace Assistants.Samples.Tests;

/// <summary>
/// The samples run to completion offline (embedded server, scripted model), as a user would run them with nothing
/// configured. Non-parallelizable: each run redirects the process-wide console and clears environment variables.
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed class SampleTests
{
    private const string OfflineBanner = "Backend: embedded Assistants.Server with the OFFLINE SCRIPTED MODEL";

    [Test]
    [CancelAfter(120_000)]
    public async Task Quickstart_Offline_StreamsTheCodeInterpreterAndListsEveryRunNewestFirst()
    {
        SampleResult result = await SampleRunner.RunAsync("Quickstart");
        TestContext.Out.WriteLine(result.Output);

        Assert.Multiple(() =>
        {
            Assert.That(result.ExitCode, Is.Zero, result.Output);
            Assert.That(result.Output, Does.Contain(OfflineBanner));
            Assert.That(result.Output, Does.Contain("name=Math Tutor  tools=[code_interpreter]"));
            Assert.That(result.Output, Does.Contain("metadata topic=linear-equations"));

            // The handler prints the code as it streams (one fragment after another on the same lines), then its logs.
            Assert.That(result.Output, Does.Contain(
                "   assistant> code_interpreter\n" +
                "   code> from sympy import symbols, Eq, solve\n" +
                "         x = symbols('x')\n" +
                "         print(solve(Eq(3*x + 11, 14), x))\n" +
                "   logs> [1]\n"));
            Assert.That(result.Output, Does.Contain(
                "   assistant> The solution is x = 1: subtract 11 from both sides to get 3x = 3, then divide both sides by 3.\n"));
            Assert.That(result.Output, Does.Match(@"run run_\S+ ended completed"));
            Assert.That(result.Output, Does.Match(@"step_\S+  type=tool_calls  status=completed\s+step_\S+  type=message_creation  status=completed"));
            Assert.That(result.Output, Does.Match(@"step step_\S+ created message msg_\S+ \(role assistant, run run_\S+\)"));
            Assert.That(result.Output, Does.Contain(
                "Final answer: The solution is x = 1: subtract 11 from both sides to get 3x = 3, then divide both sides by 3."));
            Assert.That(result.Output, Does.Contain("   assistant> Put x = 1 back in: 3 * 1 + 11 = 3 + 11 = 14, the right-hand side, so x = 1 is correct."));
            Assert.That(result.Output, Does.Contain("thread deleted: True"));
            Assert.That(result.Output, Does.Contain("assistant deleted: True"));
        });

        // The runs listed newest first: the follow-up (one message step) before the first run (code, then message).
        Match first = Regex.Match(result.Output, @"4\. Stream a run.*?\[run (run_\S+): queued\]", RegexOptions.Singleline);
        Match second = Regex.Match(result.Output, @"7\. Ask a follow-up.*?\[run (run_\S+): queued\]", RegexOptions.Singleline);
        Assert.That(first.Success && second.Success && first.Groups[1].Value != second.Groups[1].Value, Is.True, "two runs streamed");
        string listed = result.Output[result.Output.IndexOf("8. Every run", StringComparison.Ordinal)..];
        Assert.That(listed, Does.Match(
            $@"{second.Groups[1].Value}  status=completed\s+" +
            @"step_\S+  type=message_creation  message msg_\S+\s+" +
            $@"{first.Groups[1].Value}  status=completed\s+" +
            @"step_\S+  type=tool_calls  code_interpreter \(3 lines of code, logs \[1\]\)\s+" +
            @"step_\S+  type=message_creation  message msg_\S+\s+"));
    }

    [Test]
    [CancelAfter(120_000)]
    public async Task OrderAssistant_Offline_CallsTheFunctionsAndTotalsTheOrder()
    {
        SampleResult result = await SampleRunner.RunAsync("OrderAssistant");
        TestContext.Out.WriteLine(result.Output);

        Assert.Multiple(() =>
        {
            Assert.That(result.ExitCode, Is.Zero, result.Output);
            Assert.That(result.Output, Does.Contain(OfflineBanner));
            Assert.That(result.Output, Does.Contain("""-> get_price({"item":"coffee"}) = {"item":"coffee","price":3.00}"""));
            Assert.That(result.Output, Does.Contain("""-> get_price({"item":"croissant"}) = {"item":"croissant","price":2.50}"""));
            Assert.That(result.Output, Does.Contain(
                """-> apply_discount({"code":"SPRING10","subtotal":8.50}) = {"code":"SPRING10","discount":0.85,"total":7.65}"""));
            Assert.That(result.Output, Does.Match(@"run run_\S+ ended completed"));
            Assert.That(result.Output, Does.Contain("Final answer: ").And.Contain("your total is $7.65."));
            Assert.That(result.Output, Does.Contain("Cleaned up the thread and the assistant."));
        });
    }

    [Test]
    [CancelAfter(120_000)]
    public async Task Migration_Offline_MovesTheThreadAndTheCopyMatches()
    {
        SampleResult result = await SampleRunner.RunAsync("Migration");
        TestContext.Out.WriteLine(result.Output);

        Assert.Multiple(() =>
        {
            Assert.That(result.ExitCode, Is.Zero, result.Output);
            Assert.That(result.Output, Does.Match(@"thread_\S+: 12 messages, a run with a function call"));
            Assert.That(result.Output, Does.Match(@"messages\.jsonl\s+12"));
            Assert.That(result.Output, Does.Match(@"run_steps\.jsonl\s+2"));
            Assert.That(result.Output, Does.Contain("the new server's last message: Pack a raincoat and a warm jumper."));
            Assert.That(result.Output, Does.Contain("folders match: True"));
        });
    }

    [Test]
    [CancelAfter(120_000)]
    public async Task Telemetry_Offline_ExportsTheInvokeAgentSpanAndTheMetrics()
    {
        SampleResult result = await SampleRunner.RunAsync("Telemetry");
        TestContext.Out.WriteLine(result.Output);

        Assert.Multiple(() =>
        {
            Assert.That(result.ExitCode, Is.Zero, result.Output);
            Assert.That(result.Output, Does.Contain(OfflineBanner));
            Assert.That(result.Output, Does.Match(@"run run_\S+ ended completed"));
            Assert.That(result.Output, Does.Contain("Activity.DisplayName:        invoke_agent Weather Assistant"));
            Assert.That(result.Output, Does.Contain("Activity.DisplayName:        create_agent Weather Assistant"));
            Assert.That(result.Output, Does.Contain("Activity.DisplayName:        execute_tool get_weather"));
            Assert.That(result.Output, Does.Contain("Activity.DisplayName:        execute_tool get_local_time"));
            Assert.That(result.Output, Does.Contain("gen_ai.operation.name: invoke_agent"));
            Assert.That(result.Output, Does.Contain("Metric Name: gen_ai.client.operation.duration"));
            Assert.That(result.Output, Does.Contain("Metric Name: gen_ai.client.token.usage"));
            Assert.That(result.Output, Does.Contain("Metric Name: gen_ai.server.request.duration"));
        });
    }
}
