using System;
using System.ClientModel;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using Assistants.Server.Model;
using NUnit.Framework;
using OpenAI.Assistants;
using OpenAI.Files;

namespace Assistants.Server.Tests;

/// <summary>
/// The official OpenAI .NET SDK reads a scripted code-interpreter run streamed by the server over Kestrel on
/// loopback: input fragments, logs and image outputs from the step deltas, and the answer with its file_path link.
/// </summary>
public sealed class OpenAiSdkCodeInterpreterTests
{
    private const string FidelityKey = "sk-fidelity-test-key";
    private const string Code = "import matplotlib.pyplot as plt\nplt.plot([1, 2, 3])\nplt.savefig('plot.png')\nprint(sum([1, 2, 3]))";
    private const string Logs = "6\n";
    private const string Reply = "The sum is 6. Download the table: sandbox:/mnt/data/steps.csv, and see the plot.";
    private static readonly byte[] s_png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 4, 5, 6];

    [Test]
    public async Task OfficialSdk_ReadsStreamedCodeInterpreterRun_OverKestrel()
    {
        var model = new ScriptedChatClient();
        model.Enqueue(ScriptedTurn.RunCode(Code, Logs, Reply)
            .WithCodeOutputFile("plot.png", "image/png", s_png)
            .WithCodeOutputFile("steps.csv", "text/csv", Encoding.UTF8.GetBytes("step,value\n1,6\n")));
        await using KestrelAssistants host = await KestrelAssistants.StartAsync(new AssistantsServerOptions { ChatClient = model, ApiKeys = { FidelityKey } });
        var endpoint = new Uri(host.Root, "v1");
        var credential = new ApiKeyCredential(FidelityKey);
        var client = new AssistantClient(credential, new AssistantClientOptions { Endpoint = endpoint });
        var files = new OpenAIFileClient(credential, new OpenAI.OpenAIClientOptions { Endpoint = endpoint });

        Assistant assistant = await client.CreateAssistantAsync("gpt-4o", new AssistantCreationOptions
        {
            Instructions = "Write and run code to answer.",
            Tools = { new CodeInterpreterToolDefinition() },
        });
        Assert.That(assistant.Tools.Single(), Is.InstanceOf<CodeInterpreterToolDefinition>());
        AssistantThread thread = await client.CreateThreadAsync(new ThreadCreationOptions { InitialMessages = { "Add 1, 2 and 3, and plot them." } });

        List<StreamingUpdate> updates = [];
        await foreach (StreamingUpdate update in await client.CreateRunStreamingAsync(thread.Id, assistant.Id))
        {
            updates.Add(update);
        }

        List<RunStepDetailsUpdate> details = updates.OfType<RunStepDetailsUpdate>().ToList();
        List<string> inputs = details.Select(update => update.CodeInterpreterInput).Where(input => !string.IsNullOrEmpty(input)).ToList();
        List<RunStepUpdateCodeInterpreterOutput> outputs = details.SelectMany(update => update.CodeInterpreterOutputs).ToList();
        RunStep codeStep = updates.OfType<RunStepUpdate>().Select(update => update.Value)
            .Last(step => step.Kind == RunStepKind.ToolCall && step.Status == RunStepStatus.Completed);
        List<MessageContentUpdate> content = updates.OfType<MessageContentUpdate>().ToList();
        ThreadMessage answer = client.GetMessagesAsync(thread.Id).ToBlockingEnumerable().First();

        Assert.Multiple(async () =>
        {
            Assert.That(updates.OfType<RunUpdate>().Last().Value.Status, Is.EqualTo(RunStatus.Completed));
            Assert.That(details.Select(update => update.ToolCallId).Where(id => id is not null).Distinct().Count(), Is.EqualTo(1), "one code_interpreter call");
            Assert.That(details.Where(update => update.ToolCallId is not null).Select(update => update.ToolCallIndex), Is.All.EqualTo(0));
            Assert.That(inputs, Has.Count.GreaterThan(3), "the input streams in small fragments");
            Assert.That(string.Concat(inputs), Is.EqualTo(Code));

            Assert.That(outputs.Select(output => output.OutputIndex), Is.EqualTo(new[] { 0, 1 }), "the outputs arrive in one delta, indexed");
            Assert.That(outputs[0].Logs, Is.EqualTo(Logs));
            string imageId = outputs[1].ImageFileId;
            Assert.That(imageId, Does.StartWith("file-"));
            OpenAIFile image = await files.GetFileAsync(imageId);
            Assert.That(image.Filename, Is.EqualTo("plot.png"));
            Assert.That(image.SizeInBytes, Is.EqualTo(s_png.Length));
            Assert.That((await files.DownloadFileAsync(imageId)).Value.ToArray(), Is.EqualTo(s_png));

            RunStepToolCall call = codeStep.Details.ToolCalls.Single();
            Assert.That(call.Kind, Is.EqualTo(RunStepToolCallKind.CodeInterpreter));
            Assert.That(call.CodeInterpreterInput, Is.EqualTo(Code));
            Assert.That(call.CodeInterpreterOutputs.Select(output => output.Logs ?? output.ImageFileId), Is.EqualTo(new[] { Logs, imageId }));

            Assert.That(string.Concat(content.Select(update => update.Text)), Is.EqualTo(Reply));
            Assert.That(answer.Content[0].Text, Is.EqualTo(Reply));
            TextAnnotation path = answer.Content[0].TextAnnotations.Single();
            Assert.That(path.TextToReplace, Is.EqualTo("sandbox:/mnt/data/steps.csv"));
            Assert.That(Reply.Substring(path.StartIndex, path.EndIndex - path.StartIndex), Is.EqualTo(path.TextToReplace));
            Assert.That((await files.GetFileAsync(path.OutputFileId)).Value.Filename, Is.EqualTo("steps.csv"));

            // The link's delta carries its file_path annotation (the package reads it as an update of its own).
            MessageContentUpdate linked = content.Single(update => update.TextAnnotation is not null);
            Assert.That(linked.TextAnnotation.OutputFileId, Is.EqualTo(path.OutputFileId));
            Assert.That((linked.TextAnnotation.StartIndex, linked.TextAnnotation.EndIndex, linked.TextAnnotation.TextToReplace), Is.EqualTo((path.StartIndex, path.EndIndex, path.TextToReplace)));
        });
    }
}
