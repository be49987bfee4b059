using System;
using System.Collections.Generic;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace Assistants.Server.Storage;

/// <summary>
/// The storage seam. Every record of the server is a JSON document addressed by kind (<see cref="DocKinds"/>),
/// parent id and id, listed in creation order; file contents are streams. Every member is safe to call
/// concurrently and <see cref="Save"/> is atomic. What a thread's records must look like together (one active
/// run, exactly-once tool outputs) is the callers' business: they hold the thread's <see cref="Gate"/>.
/// </summary>
internal interface IServerStore : IDisposable
{
    /// <summary>Gets a copy of one document, or <see langword="null"/>.</summary>
    StoredDoc? Find(string kind, string parent, string id);

    /// <summary>Whether a document exists (without reading a copy of it, where the store can).</summary>
    bool Exists(string kind, string parent, string id) => Find(kind, parent, id) is not null;

    /// <summary>Gets copies of the documents of a kind under a parent, oldest first.</summary>
    IReadOnlyList<StoredDoc> List(string kind, string parent);

    /// <summary>Inserts or replaces documents in one transaction; a replaced document keeps its place in creation order.</summary>
    void Save(IReadOnlyList<StoredDoc> docs);

    /// <summary>Deletes a document and its children (<see cref="DocKinds.ChildrenOf"/>).</summary>
    /// <returns>Whether the document existed.</returns>
    bool Delete(string kind, string parent, string id);

    /// <summary>Gets every run whose status is active (queued, in_progress, requires_action, cancelling).</summary>
    IReadOnlyList<StoredDoc> ListActiveRuns();

    /// <summary>Copies an upload to storage chunk by chunk; the content is never held whole in memory.</summary>
    /// <returns>The number of bytes stored.</returns>
    Task<long> WriteContentAsync(string fileId, Stream content, CancellationToken cancellationToken);

    /// <summary>Opens a stored file's content for reading, or returns <see langword="null"/>.</summary>
    Stream? OpenContent(string fileId);

    /// <summary>Deletes a stored file's content, if any.</summary>
    void DeleteContent(string fileId);
}
