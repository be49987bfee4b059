using System;
using System.ClientModel;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Assistants.Server.Model;
using NUnit.Framework;
using OpenAI.Assistants;
using OpenAI.Files;
using OpenAI.VectorStores;

namespace Assistants.Server.Tests;

/// <summary>The official OpenAI .NET SDK, an independent client, drives the server over Kestrel on loopback.</summary>
public sealed class OpenAiSdkFidelityTests
{
    // Over a socket the server wants a key, and the official SDK sends its credential as a Bearer token.
    private const string FidelityKey = "sk-fidelity-test-key";

    [Test]
    public async Task OfficialSdk_FunctionToolRoundTrip_OverKestrel()
    {
        var model = new ScriptedChatClient();
        model.Enqueue(ScriptedTurn.CallFunction("get_favorite_food", """{"day":"Thursday"}"""))
            .Enqueue(ScriptedTurn.Reply("You should eat tacos on Thursday!"));
        await using KestrelAssistants host = await KestrelAssistants.StartAsync(new AssistantsServerOptions { ChatClient = model, ApiKeys = { FidelityKey } });
        var endpoint = new Uri(host.Root, "v1");

        var client = new AssistantClient(new ApiKeyCredential(FidelityKey), new AssistantClientOptions { Endpoint = endpoint });
        Assistant assistant = await client.CreateAssistantAsync("gpt-4o", new AssistantCreationOptions
        {
            Name = "food",
            Instructions = "Answer with the user's favorite food.",
            Tools =
            {
                new FunctionToolDefinition("get_favorite_food")
                {
                    Description = "Gets the user's favorite food for a day",
                    Parameters = BinaryData.FromString("""{"type":"object","properties":{"day":{"type":"string"}}}"""),
                },
            },
            Metadata = { ["purpose"] = "fidelity" },
        });
        Assert.That(assistant.Name, Is.EqualTo("food"));
        Assert.That(((FunctionToolDefinition)assistant.Tools[0]).FunctionName, Is.EqualTo("get_favorite_food"));
        Assert.That(assistant.Metadata["purpose"], Is.EqualTo("fidelity"));

        AssistantThread thread = await client.CreateThreadAsync();
        ThreadMessage question = await client.CreateMessageAsync(thread.Id, MessageRole.User, ["What should I eat on Thursday?"]);
        Assert.That(question.Content[0].Text, Is.EqualTo("What should I eat on Thursday?"));

        List<StreamingUpdate> firstUpdates = [];
        await foreach (StreamingUpdate update in await client.CreateRunStreamingAsync(thread.Id, assistant.Id))
        {
            firstUpdates.Add(update);
        }

        RequiredActionUpdate action = firstUpdates.OfType<RequiredActionUpdate>().Single();
        Assert.That(action.FunctionName, Is.EqualTo("get_favorite_food"));
        Assert.That(action.FunctionArguments, Is.EqualTo("""{"day":"Thursday"}"""));
        ThreadRun run = action.GetThreadRun();
        Assert.That(run.Status, Is.EqualTo(RunStatus.RequiresAction));

        List<StreamingUpdate> secondUpdates = [];
        await foreach (StreamingUpdate update in await client.SubmitToolOutputsToRunStreamingAsync(thread.Id, run.Id, [new ToolOutput(action.ToolCallId, "tacos")]))
        {
            secondUpdates.Add(update);
        }

        string streamed = string.Concat(secondUpdates.OfType<MessageContentUpdate>().Select(update => update.Text));
        Assert.That(streamed, Is.EqualTo("You should eat tacos on Thursday!"));
        Assert.That(secondUpdates.OfType<RunUpdate>().Last().Value.Status, Is.EqualTo(RunStatus.Completed));

        List<ThreadMessage> messages = [];
        await foreach (ThreadMessage message in client.GetMessagesAsync(thread.Id, new MessageCollectionOptions { Order = MessageCollectionOrder.Ascending }))
        {
            messages.Add(message);
        }

        Assert.That(messages.Select(message => message.Content[0].Text), Is.EqualTo(new[] { "What should I eat on Thursday?", "You should eat tacos on Thursday!" }));
        Assert.That(messages[1].Role, Is.EqualTo(MessageRole.Assistant));

        List<RunStep> steps = [];
        await foreach (RunStep step in client.GetRunStepsAsync(thread.Id, run.Id))
        {
            steps.Add(step);
        }

        Assert.That(steps, Has.Count.EqualTo(2));
        RunStep toolStep = steps.Single(step => step.Kind == RunStepKind.ToolCall);
        Assert.That(toolStep.Details.ToolCalls[0].FunctionOutput, Is.EqualTo("tacos"));
        Assert.That(steps.Single(step => step.Kind == RunStepKind.CreatedMessage).Details.CreatedMessageId, Is.EqualTo(messages[1].Id));
    }

    [Test]
    public async Task OfficialSdk_VectorStoresAndFileSearchRun_OverKestrel()
    {
        var model = new ScriptedChatClient();
        model.Enqueue(ScriptedTurn.Reply("Filip's favorite food is cake【4:0†favorite_foods.txt】."));
        await using KestrelAssistants host = await KestrelAssistants.StartAsync(new AssistantsServerOptions { ChatClient = model, ApiKeys = { FidelityKey } });
        var endpoint = new Uri(host.Root, "v1");
        var credential = new ApiKeyCredential(FidelityKey);
        var files = new OpenAIFileClient(credential, new OpenAI.OpenAIClientOptions { Endpoint = endpoint });
        var vectorStores = new VectorStoreClient(credential, new VectorStoreClientOptions { Endpoint = endpoint });
        var client = new AssistantClient(credential, new AssistantClientOptions { Endpoint = endpoint });

        var release = new TaskCompletionSource();
        host.Server.Indexer.HeldUntil = release.Task;
        OpenAIFile file = await files.UploadFileAsync(BinaryData.FromString(
            "The favorite food of several people:\n- Summanus Ferdinand: tacos\n- Tekakwitha Effie: pizza\n- Filip Carola: cake"),
            "favorite_foods.txt", FileUploadPurpose.Assistants);
        VectorStore created = await vectorStores.CreateVectorStoreAsync(new VectorStoreCreationOptions { FileIds = { file.Id }, Name = "foods" });
        Assert.That(created.Status, Is.EqualTo(VectorStoreStatus.InProgress));
        Assert.That(created.FileCounts.InProgress, Is.EqualTo(1));
        Assert.That(created.FileCounts.Completed, Is.EqualTo(0));
        Assert.That(created.UsageBytes, Is.EqualTo(0));
        release.SetResult();
        await host.Server.WaitForIdleAsync();
        VectorStore done = await vectorStores.GetVectorStoreAsync(created.Id);
        Assert.That(done.Status, Is.EqualTo(VectorStoreStatus.Completed));
        Assert.That(done.FileCounts.Completed, Is.EqualTo(1));
        Assert.That(done.UsageBytes, Is.GreaterThan(0));

        Assistant assistant = await client.CreateAssistantAsync("gpt-4o", new AssistantCreationOptions
        {
            Tools = { new FileSearchToolDefinition() },
            ToolResources = new ToolResources { FileSearch = new FileSearchToolResources { NewVectorStores = { new VectorStoreCreationHelper([file.Id]) } } },
        });
        string helperStore = assistant.ToolResources.FileSearch.VectorStoreIds.Single();
        Assert.That(helperStore, Does.StartWith("vs_"));
        await host.Server.WaitForIdleAsync();
        Assert.That((await vectorStores.GetVectorStoreAsync(helperStore)).Value.FileCounts.Completed, Is.EqualTo(1));

        AssistantThread thread = await client.CreateThreadAsync(new ThreadCreationOptions { InitialMessages = { "Using the files you have available, what's Filip's favorite food?" } });
        List<StreamingUpdate> updates = [];
        await foreach (StreamingUpdate update in await client.CreateRunStreamingAsync(thread.Id, assistant.Id))
        {
            updates.Add(update);
        }

        RunStepDetailsUpdate search = updates.OfType<RunStepDetailsUpdate>().First(update => update.ToolCallId is not null);
        Assert.That(search.ToolCallIndex, Is.EqualTo(0));
        RunStep toolStep = updates.OfType<RunStepUpdate>().Select(update => update.Value).First(step => step.Kind == RunStepKind.ToolCall && step.Status == RunStepStatus.Completed);
        Assert.That(toolStep.Details.ToolCalls[0].FileSearchResults.Single().FileId, Is.EqualTo(file.Id));
        TextAnnotationUpdate cited = updates.OfType<MessageContentUpdate>().Select(update => update.TextAnnotation).Single(annotation => annotation is not null)!;
        Assert.That(cited.InputFileId, Is.EqualTo(file.Id));
        Assert.That((cited.StartIndex, cited.EndIndex), Is.EqualTo((29, 53)));
        Assert.That(updates.OfType<RunUpdate>().Last().Value.Status, Is.EqualTo(RunStatus.Completed));

        ThreadMessage answer = client.GetMessagesAsync(thread.Id).ToBlockingEnumerable().First();
        TextAnnotation annotation = answer.Content[0].TextAnnotations.Single();
        Assert.That(annotation.InputFileId, Is.EqualTo(file.Id));
        Assert.That(annotation.TextToReplace, Is.EqualTo("【4:0†favorite_foods.txt】"));
        Assert.That(answer.Content[0].Text, Is.EqualTo("Filip's favorite food is cake【4:0†favorite_foods.txt】."));
    }
}
