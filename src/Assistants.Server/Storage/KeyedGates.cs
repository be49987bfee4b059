using System.Collections.Generic;
using System.Threading;

namespace Assistants.Server.Storage;

/// <summary>
/// One <see cref="Gate"/> per key (a thread id, a vector store id, an assistant id): commands on the same thread
/// are serialized, commands on different threads run in parallel. A gate lives only while someone holds or waits
/// for it (or an active run keeps a reference), so the map does not grow with finished threads.
/// </summary>
internal sealed class KeyedGates
{
    private readonly Lock _map = new();
    private readonly Dictionary<string, Gate> _gates = [];

    /// <summary>Gets the number of gates alive; with no request and no active run it is 0.</summary>
    public int Count
    {
        get
        {
            lock (_map)
            {
                return _gates.Count;
            }
        }
    }

    /// <summary>Enters the key's gate; disposing the scope leaves it.</summary>
    public GateScope Enter(string key)
    {
        Gate gate = Acquire(key);
        gate.Lock.Enter();
        return new GateScope(gate, release: true);
    }

    /// <summary>Takes a reference to the key's gate that keeps it alive until <see cref="Release"/>.</summary>
    public Gate Acquire(string key)
    {
        lock (_map)
        {
            if (!_gates.TryGetValue(key, out Gate? gate))
            {
                gate = new Gate(this, key);
                _gates[key] = gate;
            }

            gate.References++;
            return gate;
        }
    }

    public void Release(Gate gate)
    {
        lock (_map)
        {
            if (--gate.References == 0)
            {
                _gates.Remove(gate.Key);
            }
        }
    }
}
