using System.Collections.Generic;

namespace Assistants.Server.Storage;

/// <summary>Items kept in creation order with lookup by id; the order is what pagination walks.</summary>
internal sealed class ResourceList<T>
    where T : class
{
    private readonly List<KeyValuePair<string, T>> _items = [];
    private readonly Dictionary<string, T> _byId = [];

    public int Count => _items.Count;

    public IEnumerable<KeyValuePair<string, T>> Items => _items;

    public void Add(string id, T item)
    {
        _items.Add(new(id, item));
        _byId[id] = item;
    }

    public T? Find(string id) => _byId.GetValueOrDefault(id);

    public bool Remove(string id)
    {
        if (!_byId.Remove(id))
        {
            return false;
        }

        _items.RemoveAll(pair => pair.Key == id);
        return true;
    }
}
