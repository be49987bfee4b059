using System;
using System.Linq;
using System.Net.Http;
using System.Threading.Tasks;
using NUnit.Framework;

namespace Assistants.Client.Tests;

[TestFixture]
public sealed class PaginationTests
{
    [Test]
    public async Task AsPages_ExposesItemsHasMoreIdsAndCursor()
    {
        using Wire wire = new();
        wire.Expect(HttpMethod.Get, "assistants?limit=2", """{"object":"list","data":[{"id":"a1","created_at":1},{"id":"a2","created_at":2}],"first_id":"a1","last_id":"a2","has_more":true}""");

        Page<Assistant> page = await wire.Client.Assistants.ListAsync(new AssistantCollectionOptions { Limit = 2 }).GetFirstPageAsync();

        Assert.Multiple(() =>
        {
            Assert.That(page.Items.Select(a => a.Id), Is.EqualTo(new[] { "a1", "a2" }));
            Assert.That(page.HasMore, Is.True);
            Assert.That(page.FirstId, Is.EqualTo("a1"));
            Assert.That(page.LastId, Is.EqualTo("a2"));
            Assert.That(page.NextCursor, Is.EqualTo("a2"));
            Assert.That(page.Response!.RequestId, Is.EqualTo("req_test"));
        });
    }

    [Test]
    public async Task AsPages_FromSavedCursor_ResumesAfterIt()
    {
        using Wire wire = new();
        wire.Expect(HttpMethod.Get, "assistants?after=a2", """{"object":"list","data":[{"id":"a3","created_at":3}],"has_more":false}""");

        Page<Assistant>[] pages = (await wire.Client.Assistants.ListAsync().AsPages("a2").ToListAsync()).ToArray();

        Assert.That(pages, Has.Length.EqualTo(1));
        Assert.That(wire.Single.Uri, Is.EqualTo("https://api.test/v1/assistants?after=a2"));
    }

    [Test]
    public async Task Enumerate_WhenServerOmitsHasMoreAndIds_PagesWhilePagesAreFull()
    {
        using Wire wire = new();
        wire.Expect(HttpMethod.Get, "assistants?limit=2", """{"data":[{"id":"a1","created_at":1},{"id":"a2","created_at":2}]}""");
        wire.Expect(HttpMethod.Get, "assistants?limit=2&after=a2", """{"data":[{"id":"a3","created_at":3}]}""");

        var all = await wire.Client.Assistants.ListAsync(new AssistantCollectionOptions { Limit = 2 }).ToListAsync();

        Assert.That(all.Select(a => a.Id), Is.EqualTo(new[] { "a1", "a2", "a3" }));
        Assert.That(wire.Requests, Has.Count.EqualTo(2));
    }

    [Test]
    public async Task Enumerate_WhenServerRepeatsTheSameCursor_StopsInsteadOfLooping()
    {
        using Wire wire = new();
        const string samePage = """{"data":[{"id":"a1","created_at":1}],"first_id":"a1","last_id":"a1","has_more":true}""";
        wire.Expect(HttpMethod.Get, "assistants", samePage);
        wire.Expect(HttpMethod.Get, "assistants?after=a1", samePage);

        var all = await wire.Client.Assistants.ListAsync().ToListAsync();

        Assert.That(all, Has.Count.EqualTo(2));
        Assert.That(wire.Requests, Has.Count.EqualTo(2), "the repeated cursor ends the enumeration");
    }

    [Test]
    public async Task Enumerate_WhenServerSaysHasMoreButSendsNoItems_Stops()
    {
        using Wire wire = new();
        wire.Expect(HttpMethod.Get, "assistants", """{"data":[],"has_more":true}""");

        var all = await wire.Client.Assistants.ListAsync().ToListAsync();

        Assert.That(all, Is.Empty);
        Assert.That(wire.Requests, Has.Count.EqualTo(1));
    }

    [Test]
    public async Task Enumerate_FromBefore_PagesBackwardsWithTheFirstId()
    {
        using Wire wire = new();
        wire.Expect(HttpMethod.Get, "assistants?limit=2&before=a9", """{"data":[{"id":"a8","created_at":8},{"id":"a7","created_at":7}],"first_id":"a8","last_id":"a7","has_more":true}""");
        wire.Expect(HttpMethod.Get, "assistants?limit=2&before=a8", """{"data":[],"has_more":false}""");

        AsyncPageable<Assistant> pageable = wire.Client.Assistants.ListAsync(new AssistantCollectionOptions { Limit = 2, Before = "a9" });
        var all = await pageable.ToListAsync();

        Assert.That(pageable.IsBackwards, Is.True);
        Assert.That(all.Select(a => a.Id), Is.EqualTo(new[] { "a8", "a7" }));
        Assert.That(wire.Requests[1].Uri, Is.EqualTo("https://api.test/v1/assistants?limit=2&before=a8"));
    }

    [TestCase(0)]
    [TestCase(101)]
    [TestCase(-1)]
    public void ListAsync_WithLimitOutsideRange_ThrowsBeforeSending(int limit)
    {
        using Wire wire = new();

        ArgumentOutOfRangeException error = Assert.Throws<ArgumentOutOfRangeException>(() => wire.Client.Assistants.ListAsync(new AssistantCollectionOptions { Limit = limit }))!;

        Assert.That(error.ParamName, Is.EqualTo("options.Limit"));
        Assert.That(wire.Requests, Is.Empty);
    }

    [Test]
    public async Task ListAsync_WithUnknownOrder_SendsItAsGiven()
    {
        using Wire wire = new();
        wire.Expect(HttpMethod.Get, "assistants?order=relevance", """{"data":[],"has_more":false}""");

        await wire.Client.Assistants.ListAsync(new AssistantCollectionOptions { Order = "relevance" }).ToListAsync();

        Assert.That(wire.Single.Uri, Is.EqualTo("https://api.test/v1/assistants?order=relevance"));
    }
}
