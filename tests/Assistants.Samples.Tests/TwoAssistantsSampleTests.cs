using System.Threading.Tasks;
using NUnit.Framework;

namespace Assistants.Samples.Tests;

/// <summary>The two-assistants sample, offline: both assistants answer on one thread, the second with per-run overrides.</summary>
[TestFixture]
[NonParallelizable]
public sealed class TwoAssistantsSampleTests
{
    [Test]
    [CancelAfter(120_000)]
    public async Task TwoAssistants_Offline_AnswerInTurnWithPerRunOverrides()
    {
        SampleResult result = await SampleRunner.RunAsync("TwoAssistants");
        TestContext.Out.WriteLine(result.Output);

        Assert.Multiple(() =>
        {
            Assert.That(result.ExitCode, Is.Zero, result.Output);
            Assert.That(result.Output, Does.Contain("Backend: embedded Assistants.Server with the OFFLINE SCRIPTED MODEL"));
            Assert.That(result.Output, Does.Contain("""-> get_weather({"city":"Lisbon"})"""));
            Assert.That(result.Output, Does.Contain("""-> find_sights({"city":"Lisbon","weather":"sunny"})"""));
            Assert.That(result.Output, Does.Match(@"run run_\S+ by Weather ended completed"));
            Assert.That(result.Output, Does.Match(@"run run_\S+ by Travel ended completed"));

            // The second run carries the overrides; the first carries the weather assistant's own settings.
            Assert.That(result.Output, Does.Contain("temperature 0.2, tools [find_sights]"));
            Assert.That(result.Output, Does.Contain("tools [get_weather]"));
            Assert.That(result.Output, Does.Contain("instructions \"You are a travel guide. Plan around the weather already reported in this thread. Use find_sights.\""));

            // The conversation in order, each answer attributed to the assistant that wrote it.
            Assert.That(result.Output, Does.Match(
                @"\[user\] I'm in Lisbon on Friday\. What will the weather be\?\s+" +
                @"\[assistant Weather\] Friday in Lisbon: 21 C, sunny, a light breeze in the evening\.\s+" +
                @"\[user\] Given that weather, what should I see\?\s+" +
                @"\[assistant Travel\] With sun all day: the Belem Tower in the morning"));

            // The override was for that run only.
            Assert.That(result.Output, Does.Contain("Travel: instructions \"You are a travel guide.\", 0 tools"));
            Assert.That(result.Output, Does.Contain("Cleaned up the thread and both assistants."));
        });
    }
}
