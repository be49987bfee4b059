using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using NUnit.Framework;

namespace Assistants.Client.Tests.Replay;

/// <summary>
/// Thread and message scenarios recorded from live traffic, replayed through the public client: each recorded
/// response answers the next request, and the client's requests follow the recorded sequence (method, URI, body).
/// </summary>
[TestFixture]
[Category("Replay")]
public sealed class ThreadScenarioReplayTests
{
    [TestCase("AssistantsTests/BasicMessageOperationsWork")]
    [TestCase("AssistantsTests/BasicMessageOperationsWorkAsync")]
    public async Task BasicMessageOperations_FollowTheRecording(string scenario)
    {
        using ScenarioWire wire = new(scenario);
        MessagesClient messages = wire.Client.Messages;

        AssistantThread thread = await wire.Client.Threads.CreateAsync();
        ThreadMessage first = await messages.CreateAsync(thread.Id, MessageRole.User, "Hello, world!");
        DeletionResult deleted = await messages.DeleteAsync(thread.Id, first.Id);
        ThreadMessage second = await messages.CreateAsync(thread.Id, MessageRole.User, "Goodbye, world!", new MessageCreationOptions
        {
            Metadata = new Dictionary<string, string> { ["messageMetadata"] = "messageMetadataValue" },
        });
        ThreadMessage fetched = await messages.GetAsync(thread.Id, second.Id);
        ThreadMessage modified = await messages.ModifyAsync(thread.Id, second.Id, new MessageModificationOptions
        {
            Metadata = new Dictionary<string, string> { ["messageMetadata"] = "newValue" },
        });
        List<ThreadMessage> listed = await messages.ListAsync(thread.Id).ToListAsync();

        wire.AssertFollowedTheRecording();
        Assert.Multiple(() =>
        {
            Assert.That(((MessageTextContent)first.Content![0]).Text!.Value, Is.EqualTo("Hello, world!"));
            Assert.That(deleted.Deleted, Is.True);
            Assert.That(fetched.Metadata!["messageMetadata"], Is.EqualTo("messageMetadataValue"));
            Assert.That(modified.Metadata!["messageMetadata"], Is.EqualTo("newValue"));
            Assert.That(modified.AdditionalProperties!.ContainsKey("file_ids"), Is.True, "modify answers in the v1 shape");
            Assert.That(listed.Select(m => m.Id), Is.EqualTo(new[] { second.Id }));
        });
    }

    [TestCase("AssistantsTests/BasicThreadOperationsWork")]
    [TestCase("AssistantsTests/BasicThreadOperationsWorkAsync")]
    public async Task BasicThreadOperations_FollowTheRecording(string scenario)
    {
        using ScenarioWire wire = new(scenario);
        ThreadsClient threads = wire.Client.Threads;

        AssistantThread empty = await threads.CreateAsync();
        DeletionResult deleted = await threads.DeleteAsync(empty.Id);
        AssistantThread thread = await threads.CreateAsync(new ThreadCreationOptions
        {
            Messages = new List<ThreadInitializationMessage>(),
            Metadata = new Dictionary<string, string> { ["threadMetadata"] = "threadMetadataValue" },
        });
        AssistantThread fetched = await threads.GetAsync(thread.Id);
        AssistantThread modified = await threads.ModifyAsync(thread.Id, new ThreadModificationOptions
        {
            Metadata = new Dictionary<string, string> { ["threadMetadata"] = "newThreadMetadataValue" },
        });

        wire.AssertFollowedTheRecording();
        Assert.Multiple(() =>
        {
            Assert.That(deleted.Deleted, Is.True);
            Assert.That(fetched.Metadata!["threadMetadata"], Is.EqualTo("threadMetadataValue"));
            Assert.That(modified.Metadata!["threadMetadata"], Is.EqualTo("newThreadMetadataValue"));
        });
    }

    [TestCase("AssistantsTests/ThreadWithInitialMessagesWorks")]
    [TestCase("AssistantsTests/ThreadWithInitialMessagesWorksAsync")]
    public async Task ThreadWithInitialMessages_FollowTheRecording(string scenario)
    {
        using ScenarioWire wire = new(scenario);

        AssistantThread thread = await wire.Client.Threads.CreateAsync(new ThreadCreationOptions
        {
            Messages = new List<ThreadInitializationMessage>
            {
                new(MessageRole.User, "Hello, world!"),
                new(MessageRole.User, new[] { MessageContentPart.CreateText("Can you describe this image for me?"), MessageContentPart.CreateImageUrl("https://test.openai.com/image.png") })
                {
                    Metadata = new Dictionary<string, string> { ["messageMetadata"] = "messageMetadataValue" },
                },
            },
        });
        List<ThreadMessage> listed = await wire.Client.Messages.ListAsync(thread.Id, new MessageCollectionOptions { Order = ListOrder.Ascending }).ToListAsync();

        wire.AssertFollowedTheRecording();
        Assert.That(listed, Has.Count.EqualTo(2));
        Assert.That(((MessageImageUrlContent)listed[1].Content![1]).ImageUrl!.Url, Is.EqualTo("https://test.openai.com/image.png"));
    }

    [TestCase("AssistantsTests/MessagesWithRoles")]
    [TestCase("AssistantsTests/MessagesWithRolesAsync")]
    public async Task MessagesWithRoles_FollowTheRecording(string scenario)
    {
        using ScenarioWire wire = new(scenario);

        AssistantThread thread = await wire.Client.Threads.CreateAsync(new ThreadCreationOptions
        {
            Messages = new List<ThreadInitializationMessage> { new(MessageRole.User, "Hello, assistant!"), new(MessageRole.Assistant, "Hi there, user.") },
        });
        List<ThreadMessage> before = await wire.Client.Messages.ListAsync(thread.Id).ToListAsync();
        await wire.Client.Messages.CreateAsync(thread.Id, MessageRole.User, "Hello, assistant!");
        await wire.Client.Messages.CreateAsync(thread.Id, MessageRole.Assistant, "Hi there, user.");
        List<ThreadMessage> after = await wire.Client.Messages.ListAsync(thread.Id).ToListAsync();

        wire.AssertFollowedTheRecording();
        Assert.That(before.Select(m => m.Role), Is.EqualTo(new[] { MessageRole.Assistant, MessageRole.User }));
        Assert.That(after, Has.Count.EqualTo(4));
    }

    [TestCase("AssistantsTests/ThreadWithImageDetailWorks")]
    [TestCase("AssistantsTests/ThreadWithImageDetailWorksAsync")]
    public async Task ThreadWithImageDetail_FollowsTheRecording(string scenario)
    {
        using ScenarioWire wire = new(scenario);

        AssistantThread thread = await wire.Client.Threads.CreateAsync(new ThreadCreationOptions
        {
            Messages = new List<ThreadInitializationMessage>
            {
                new(MessageRole.User, new[] { MessageContentPart.CreateText("Describe this image with auto detail:"), MessageContentPart.CreateImageUrl("https://test.openai.com/image.png", MessageImageDetail.Auto) }),
            },
        });
        List<ThreadMessage> listed = await wire.Client.Messages.ListAsync(thread.Id, new MessageCollectionOptions { Order = ListOrder.Ascending }).ToListAsync();

        wire.AssertFollowedTheRecording();
        Assert.That(((MessageImageUrlContent)listed[0].Content![1]).ImageUrl!.Detail, Is.EqualTo(MessageImageDetail.Auto));
    }
}
