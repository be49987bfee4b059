using System.Threading;

namespace Assistants.Server.Storage;

/// <summary>The lock of one key in <see cref="KeyedGates"/>; never held across an <c>await</c> or a model call.</summary>
internal sealed class Gate(KeyedGates owner, string key)
{
    public KeyedGates Owner { get; } = owner;

    public string Key { get; } = key;

    public Lock Lock { get; } = new();

    /// <summary>Gets or sets how many holders keep the gate alive (changed under the owner's map lock).</summary>
    public int References { get; set; }

    /// <summary>Enters the gate through a reference the caller already holds.</summary>
    public GateScope Enter()
    {
        Lock.Enter();
        return new GateScope(this, release: false);
    }
}
