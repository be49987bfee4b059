using System.Collections.Generic;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using Assistants.Server.Storage;

namespace Assistants.Server.Tests;

/// <summary>
/// A store that gives up its CPU many times inside every read and write, so that two commands interleave between a
/// check and the write that depends on it unless something serializes them (widens the race window; waits on nothing).
/// </summary>
internal sealed class YieldingStore(IServerStore inner) : IServerStore
{
    public StoredDoc? Find(string kind, string parent, string id)
    {
        Yield();
        return inner.Find(kind, parent, id);
    }

    public IReadOnlyList<StoredDoc> List(string kind, string parent)
    {
        Yield();
        return inner.List(kind, parent);
    }

    public void Save(IReadOnlyList<StoredDoc> docs)
    {
        Yield();
        inner.Save(docs);
    }

    public bool Delete(string kind, string parent, string id) => inner.Delete(kind, parent, id);

    public IReadOnlyList<StoredDoc> ListActiveRuns() => inner.ListActiveRuns();

    public Task<long> WriteContentAsync(string fileId, Stream content, CancellationToken cancellationToken) =>
        inner.WriteContentAsync(fileId, content, cancellationToken);

    public Stream? OpenContent(string fileId) => inner.OpenContent(fileId);

    public void DeleteContent(string fileId) => inner.DeleteContent(fileId);

    public void Dispose() => inner.Dispose();

    private static void Yield()
    {
        for (int i = 0; i < 200; i++)
        {
            Thread.Yield();
        }
    }
}
