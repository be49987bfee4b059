using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using NUnit.Framework;

namespace Assistants.Client.Tests;

/// <summary>Bad input to the runs client: an <see cref="ArgumentException"/> naming the parameter, and no request.</summary>
public sealed partial class RunsClientTests
{
    private static IEnumerable<TestCaseData> OptionsThreadAndRunRejects()
    {
        yield return new TestCaseData(new RunCreationOptions { AdditionalInstructions = "x" }, "runOptions.AdditionalInstructions").SetName("CreateThreadAndRunAsync_WithAdditionalInstructions_ThrowsBeforeSending");
        yield return new TestCaseData(new RunCreationOptions { AdditionalMessages = new List<ThreadInitializationMessage>() }, "runOptions.AdditionalMessages").SetName("CreateThreadAndRunAsync_WithAdditionalMessages_ThrowsBeforeSending");
        yield return new TestCaseData(new RunCreationOptions { Include = new List<string> { RunStepInclude.FileSearchResultContent } }, "runOptions.Include").SetName("CreateThreadAndRunAsync_WithInclude_ThrowsBeforeSending");
    }

    [TestCaseSource(nameof(OptionsThreadAndRunRejects))]
    public void CreateThreadAndRunAsync_WithRunOnlyOption_ThrowsBeforeSending(RunCreationOptions options, string parameter)
    {
        using Wire wire = new();

        ArgumentException error = Assert.ThrowsAsync<ArgumentException>(() => wire.Client.Runs.CreateThreadAndRunAsync("asst_1", null, options))!;

        Assert.That(error.ParamName, Is.EqualTo(parameter));
        Assert.That(wire.Requests, Is.Empty);
    }

    [Test]
    public void CreateAsync_WithToolResources_ThrowsBeforeSending()
    {
        using Wire wire = new();
        RunCreationOptions options = new() { ToolResources = new ToolResources() };

        ArgumentException error = Assert.ThrowsAsync<ArgumentException>(() => wire.Client.Runs.CreateAsync("thread_1", "asst_1", options))!;

        Assert.That(error.ParamName, Is.EqualTo("options.ToolResources"));
        Assert.That(wire.Requests, Is.Empty);
    }

    [Test]
    public void CreateAsync_WithTooMuchMetadataOnAnAdditionalMessage_ThrowsBeforeSending()
    {
        using Wire wire = new();
        ThreadInitializationMessage message = new(MessageRole.User, "hi") { Metadata = Enumerable.Range(0, 17).ToDictionary(i => "k" + i, i => "v") };
        RunCreationOptions options = new() { AdditionalMessages = new List<ThreadInitializationMessage> { message } };

        ArgumentException error = Assert.ThrowsAsync<ArgumentException>(() => wire.Client.Runs.CreateAsync("thread_1", "asst_1", options))!;

        Assert.That(error.ParamName, Does.StartWith("options.AdditionalMessages"));
        Assert.That(wire.Requests, Is.Empty);
    }

    [Test]
    public void CreateAsync_WithEmptyIncludeValue_ThrowsBeforeSending()
    {
        using Wire wire = new();
        RunCreationOptions options = new() { Include = new List<string> { string.Empty } };

        ArgumentException error = Assert.ThrowsAsync<ArgumentException>(() => wire.Client.Runs.CreateAsync("thread_1", "asst_1", options))!;

        Assert.That(error.ParamName, Is.EqualTo("options.Include"));
        Assert.That(wire.Requests, Is.Empty);
    }

    [Test]
    public void SubmitToolOutputsAsync_WithoutToolCallId_ThrowsBeforeSending()
    {
        using Wire wire = new();

        ArgumentException error = Assert.ThrowsAsync<ArgumentException>(() => wire.Client.Runs.SubmitToolOutputsAsync("thread_1", "run_1", new[] { new ToolOutput { Output = "x" } }))!;

        Assert.That(error.ParamName, Is.EqualTo("toolOutputs"));
        Assert.That(wire.Requests, Is.Empty);
    }

    [Test]
    public void SubmitToolOutputsAsync_WithNullOutputs_ThrowsBeforeSending()
    {
        using Wire wire = new();

        ArgumentNullException error = Assert.ThrowsAsync<ArgumentNullException>(() => wire.Client.Runs.SubmitToolOutputsAsync("thread_1", "run_1", null!))!;

        Assert.That(error.ParamName, Is.EqualTo("toolOutputs"));
        Assert.That(wire.Requests, Is.Empty);
    }

    private static IEnumerable<TestCaseData> MissingIds()
    {
        foreach (string? id in new[] { null, string.Empty, " ", ".." })
        {
            string label = id is null ? "null" : "'" + id + "'";
            yield return Case("CreateAsync thread " + label, c => c.CreateAsync(id!, "asst_1"), "threadId");
            yield return Case("CreateAsync assistant " + label, c => c.CreateAsync("thread_1", id!), "assistantId");
            yield return Case("CreateThreadAndRunAsync " + label, c => c.CreateThreadAndRunAsync(id!), "assistantId");
            yield return Case("GetAsync thread " + label, c => c.GetAsync(id!, "run_1"), "threadId");
            yield return Case("GetAsync run " + label, c => c.GetAsync("thread_1", id!), "runId");
            yield return Case("ModifyAsync run " + label, c => c.ModifyAsync("thread_1", id!, new RunModificationOptions()), "runId");
            yield return Case("ListAsync " + label, c => c.ListAsync(id!).GetFirstPageAsync(), "threadId");
            yield return Case("CancelAsync run " + label, c => c.CancelAsync("thread_1", id!), "runId");
            yield return Case("SubmitToolOutputsAsync run " + label, c => c.SubmitToolOutputsAsync("thread_1", id!, Array.Empty<ToolOutput>()), "runId");
        }

        static TestCaseData Case(string name, Func<RunsClient, Task> call, string parameter)
            => new TestCaseData(call, parameter).SetName("MissingId_ThrowsBeforeSending(" + name + ")");
    }

    [TestCaseSource(nameof(MissingIds))]
    public void Operation_WithMissingId_ThrowsBeforeSending(Func<RunsClient, Task> call, string parameter)
    {
        using Wire wire = new();

        ArgumentException? error = Assert.ThrowsAsync(Is.InstanceOf<ArgumentException>(), () => call(wire.Client.Runs)) as ArgumentException;

        Assert.That(error!.ParamName, Is.EqualTo(parameter));
        Assert.That(wire.Requests, Is.Empty);
    }
}
