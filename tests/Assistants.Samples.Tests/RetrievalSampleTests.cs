using System.Threading.Tasks;
using NUnit.Framework;

namespace Assistants.Samples.Tests;

/// <summary>
/// The retrieval sample, offline: the documents are indexed by the embedded server, its file_search finds them, and
/// the answers' citations name the files the search ranked (resolved through the Files API).
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed class RetrievalSampleTests
{
    [Test]
    [CancelAfter(120_000)]
    public async Task Retrieval_Offline_IndexesTheBatch_AndTheAnswersCiteTheRightFiles()
    {
        SampleResult result = await SampleRunner.RunAsync("Retrieval");
        TestContext.Out.WriteLine(result.Output);

        Assert.Multiple(() =>
        {
            Assert.That(result.ExitCode, Is.Zero, result.Output);
            Assert.That(result.Output, Does.Contain("Backend: embedded Assistants.Server with the OFFLINE SCRIPTED MODEL"));
            Assert.That(result.Output, Does.Match(@"vs_\S+: batch vsfb_\S+ completed"));
            Assert.That(result.Output, Does.Match(@"file_counts: 4 completed, 0 in_progress, 0 failed, 0 cancelled, 4 total; [1-9]\d* bytes indexed"));

            // Question 1: the default offline answer quotes the top result, the handbook, and cites it as [1].
            Assert.That(result.Output, Does.Match(@"file_search found: employee-handbook\.md \(0\.\d\d\)"));
            Assert.That(result.Output, Does.Contain(
                "answer: [scripted offline model] From the files: \"Every employee gets 25 days of paid vacation per year, plus the public holidays of their office\"[1]"));
            Assert.That(result.Output, Does.Match(@"\[1\] employee-handbook\.md \(file-\S+\)\s+4\. Ask"));

            // Question 2: two citations, each marker resolved to the file the server's search ranked there.
            Assert.That(result.Output, Does.Match(@"file_search found: tent-faq\.md \(0\.\d\d\), returns-policy\.txt \(0\.\d\d\)"));
            Assert.That(result.Output, Does.Contain(
                "answer: The Trailblazer tent has a five-year warranty against manufacturing defects[1], and unused items can still be returned within 60 days of purchase, with the receipt[2]."));
            Assert.That(result.Output, Does.Match(@"\[1\] tent-faq\.md \(file-\S+\)\s+\[2\] returns-policy\.txt \(file-\S+\)\s+5\. Clean up"));

            Assert.That(result.Output, Does.Contain("deleted the thread, the assistant, the vector store and 4 files"));
        });
    }
}
