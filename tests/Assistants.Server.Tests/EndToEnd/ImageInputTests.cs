using System;
using System.Linq;
using System.Threading.Tasks;
using Assistants.Client;
using Microsoft.Extensions.AI;
using NUnit.Framework;

namespace Assistants.Server.Tests.EndToEnd;

/// <summary>Image content parts of a user message reach the model: a stored file as its bytes, a URL as a link.</summary>
[TestFixture]
public sealed class ImageInputTests
{
    private static readonly byte[] s_png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 7, 8, 9];

    [Test]
    public async Task ImageFileAndImageUrlParts_ReachTheModel_InOrder_WithTheirDetail()
    {
        await using EndToEndApi api = new();
        StoredFile image = await api.Client.Files.UploadAsync(s_png, "chart.png", FilePurpose.Vision);
        string assistantId = await api.CreateAssistantAsync();
        string threadId = (await api.Client.Threads.CreateAsync()).Id;
        await api.Client.Messages.CreateAsync(threadId, MessageRole.User,
        [
            MessageContentPart.CreateText("What do these show?"),
            MessageContentPart.CreateImageFile(image.Id, MessageImageDetail.High),
            MessageContentPart.CreateImageUrl("https://example.com/photos/cat.jpeg"),
            MessageContentPart.CreateImageUrl("https://example.com/render?id=7", MessageImageDetail.Low),
        ]);

        ThreadRun run = await api.Client.Runs.CreateAndPollAsync(threadId, assistantId, pollingOptions: api.Polling);

        ChatMessage asked = api.Model.LastMessages.Last(message => message.Role == ChatRole.User);
        Assert.Multiple(() =>
        {
            Assert.That(run.Status, Is.EqualTo(RunStatus.Completed));
            Assert.That(asked.Contents.Select(content => content.GetType().Name), Is.EqualTo(new[] { "TextContent", "DataContent", "UriContent", "UriContent" }));
            Assert.That(asked.Text, Is.EqualTo("What do these show?"));

            var data = (DataContent)asked.Contents[1];
            Assert.That(data.Data.ToArray(), Is.EqualTo(s_png));
            Assert.That(data.MediaType, Is.EqualTo("image/png"));
            Assert.That(data.Name, Is.EqualTo("chart.png"));
            Assert.That(data.AdditionalProperties?["detail"], Is.EqualTo("high"));

            var url = (UriContent)asked.Contents[2];
            Assert.That(url.Uri, Is.EqualTo(new Uri("https://example.com/photos/cat.jpeg")));
            Assert.That(url.MediaType, Is.EqualTo("image/jpeg"));
            Assert.That(url.AdditionalProperties, Is.Null);

            var unnamed = (UriContent)asked.Contents[3];
            Assert.That(unnamed.MediaType, Is.EqualTo("image/*"), "a URL without an image extension");
            Assert.That(unnamed.AdditionalProperties?["detail"], Is.EqualTo("low"));
        });
    }

    [Test]
    public async Task ImageFileThatIsGone_IsLeftOut_TheTextStillReachesTheModel()
    {
        await using EndToEndApi api = new();
        StoredFile image = await api.Client.Files.UploadAsync(s_png, "chart.png", FilePurpose.Vision);
        string assistantId = await api.CreateAssistantAsync();
        string threadId = (await api.Client.Threads.CreateAsync()).Id;
        await api.Client.Messages.CreateAsync(threadId, MessageRole.User,
            [MessageContentPart.CreateText("Describe it."), MessageContentPart.CreateImageFile(image.Id)]);
        await api.Client.Files.DeleteAsync(image.Id);

        ThreadRun run = await api.Client.Runs.CreateAndPollAsync(threadId, assistantId, pollingOptions: api.Polling);

        ChatMessage asked = api.Model.LastMessages.Last(message => message.Role == ChatRole.User);
        Assert.That(run.Status, Is.EqualTo(RunStatus.Completed));
        Assert.That(asked.Contents.Select(content => content.GetType().Name), Is.EqualTo(new[] { "TextContent" }));
        Assert.That(asked.Text, Is.EqualTo("Describe it."));
    }
}
