using System.Linq;
using System.Text;
using System.Threading.Tasks;
using Assistants.Client;
using NUnit.Framework;

namespace Assistants.Server.Tests.EndToEnd;

/// <summary>The client's vector-store search against the embedded server (the Embedded profile serves it).</summary>
[TestFixture]
public sealed class VectorStoreSearchClientTests
{
    [Test]
    public async Task Search_ThroughTheClient_FindsTheIndexedFile()
    {
        await using EndToEndApi api = new();
        StoredFile tides = await api.Client.Files.UploadAsync(Encoding.UTF8.GetBytes("High tide in Lisbon is at 06:40 and 19:05 on Friday."), "tides.txt", FilePurpose.Assistants);
        StoredFile bread = await api.Client.Files.UploadAsync(Encoding.UTF8.GetBytes("Sourdough needs a starter, flour, water and salt."), "bread.txt", FilePurpose.Assistants);
        VectorStore store = await api.Client.VectorStores.CreateAsync(new VectorStoreCreationOptions { FileIds = [tides.Id, bread.Id] });
        await api.Server.WaitForIdleAsync();

        VectorStoreSearchResults results = await api.Client.VectorStores.SearchAsync(store.Id, "when is high tide in Lisbon");

        Assert.Multiple(() =>
        {
            Assert.That(results.Data, Is.Not.Empty);
            Assert.That(results.Data![0].FileId, Is.EqualTo(tides.Id));
            Assert.That(results.Data[0].Filename, Is.EqualTo("tides.txt"));
            Assert.That(results.Data.Select(result => result.FileId), Does.Not.Contain(bread.Id).Or.Count.EqualTo(2));
        });
    }
}
