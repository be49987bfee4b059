using System;

namespace Assistants.Server.Storage;

/// <summary>Leaves a <see cref="Gate"/> (and drops the reference taken to enter it) when disposed.</summary>
internal readonly struct GateScope(Gate gate, bool release) : IDisposable
{
    public void Dispose()
    {
        gate.Lock.Exit();
        if (release)
        {
            gate.Owner.Release(gate);
        }
    }
}
