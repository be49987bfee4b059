using System;
using System.Collections.Generic;
using System.IO;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using Assistants.Server.Json;

namespace Assistants.Server.Storage;

/// <summary>
/// The in-memory store: documents kept as UTF-8 JSON (so a caller's copy never aliases the stored one, exactly as
/// with SQLite), contents in a temporary folder deleted on dispose. Its lock guards only its dictionaries, for the
/// length of one dictionary operation.
/// </summary>
internal sealed class MemoryServerStore : IServerStore
{
    private readonly Lock _gate = new();
    private readonly Dictionary<(string Kind, string Parent), OrderedDictionary<string, Entry>> _lists = [];
    private readonly Lazy<ContentFolder> _contents = new(() =>
        new ContentFolder(Path.Combine(Path.GetTempPath(), "assistants-server-" + Guid.NewGuid().ToString("N"))));

    public StoredDoc? Find(string kind, string parent, string id)
    {
        Entry? entry;
        lock (_gate)
        {
            if (!_lists.TryGetValue((kind, parent), out OrderedDictionary<string, Entry>? list) || !list.TryGetValue(id, out entry))
            {
                return null;
            }
        }

        return entry.ToDoc(kind, parent, id);
    }

    public bool Exists(string kind, string parent, string id)
    {
        lock (_gate)
        {
            return _lists.TryGetValue((kind, parent), out OrderedDictionary<string, Entry>? list) && list.ContainsKey(id);
        }
    }

    public IReadOnlyList<StoredDoc> List(string kind, string parent)
    {
        KeyValuePair<string, Entry>[] items;
        lock (_gate)
        {
            if (!_lists.TryGetValue((kind, parent), out OrderedDictionary<string, Entry>? list))
            {
                return [];
            }

            items = [.. list];
        }

        var docs = new StoredDoc[items.Length];
        for (int i = 0; i < items.Length; i++)
        {
            docs[i] = items[i].Value.ToDoc(kind, parent, items[i].Key);
        }

        return docs;
    }

    public void Save(IReadOnlyList<StoredDoc> docs)
    {
        var entries = new Entry[docs.Count];
        for (int i = 0; i < docs.Count; i++)
        {
            entries[i] = new Entry(docs[i].Utf8 ?? JsonNodes.ToUtf8(docs[i].Json), docs[i].State is null ? null : JsonNodes.ToUtf8(docs[i].State!));
        }

        lock (_gate)
        {
            for (int i = 0; i < docs.Count; i++)
            {
                StoredDoc doc = docs[i];
                if (!_lists.TryGetValue((doc.Kind, doc.Parent), out OrderedDictionary<string, Entry>? list))
                {
                    list = [];
                    _lists[(doc.Kind, doc.Parent)] = list;
                }

                list[doc.Id] = entries[i];
            }
        }
    }

    public bool Delete(string kind, string parent, string id)
    {
        lock (_gate)
        {
            if (!_lists.TryGetValue((kind, parent), out OrderedDictionary<string, Entry>? list) || !list.Remove(id))
            {
                return false;
            }

            if (list.Count == 0)
            {
                _lists.Remove((kind, parent));
            }

            DeleteChildren(kind, id);
            return true;
        }
    }

    public IReadOnlyList<StoredDoc> ListActiveRuns()
    {
        List<StoredDoc> active = [];
        List<(string Parent, string Id, Entry Entry)> runs = [];
        lock (_gate)
        {
            foreach (KeyValuePair<(string Kind, string Parent), OrderedDictionary<string, Entry>> list in _lists)
            {
                if (list.Key.Kind == DocKinds.Run)
                {
                    foreach (KeyValuePair<string, Entry> run in list.Value)
                    {
                        runs.Add((list.Key.Parent, run.Key, run.Value));
                    }
                }
            }
        }

        foreach ((string parent, string id, Entry entry) in runs)
        {
            StoredDoc doc = entry.ToDoc(DocKinds.Run, parent, id);
            if (Runs.RunStatus.IsActive((string?)doc.Json["status"]))
            {
                active.Add(doc);
            }
        }

        return active;
    }

    public Task<long> WriteContentAsync(string fileId, Stream content, CancellationToken cancellationToken) =>
        _contents.Value.WriteAsync(fileId, content, cancellationToken);

    public Stream? OpenContent(string fileId) => _contents.IsValueCreated ? _contents.Value.Open(fileId) : null;

    public void DeleteContent(string fileId)
    {
        if (_contents.IsValueCreated)
        {
            _contents.Value.Delete(fileId);
        }
    }

    public void Dispose()
    {
        if (_contents.IsValueCreated)
        {
            try
            {
                Directory.Delete(_contents.Value.Path, recursive: true);
            }
            catch (IOException)
            {
                // A reader still holds a file open (Windows); the temporary folder is left to the OS.
            }
        }
    }

    private void DeleteChildren(string kind, string id)
    {
        foreach (string childKind in DocKinds.ChildrenOf(kind))
        {
            if (_lists.Remove((childKind, id), out OrderedDictionary<string, Entry>? children))
            {
                foreach (string childId in children.Keys)
                {
                    DeleteChildren(childKind, childId);
                }
            }
        }
    }

    private sealed record Entry(byte[] Json, byte[]? State)
    {
        public StoredDoc ToDoc(string kind, string parent, string id) =>
            new(kind, parent, id, (JsonObject)JsonNode.Parse(Json)!, State is null ? null : (JsonObject)JsonNode.Parse(State)!);
    }
}
