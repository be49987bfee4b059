using System.Collections.Concurrent;
using System.Collections.Generic;

namespace Assistants.Server.Runs;

/// <summary>
/// The active run of each thread, the only runs the engine keeps in memory. Changed under the thread's gate;
/// a run leaves as soon as it reaches a terminal status.
/// </summary>
internal sealed class ActiveRuns
{
    private readonly ConcurrentDictionary<string, RunRecord> _byThread = new();

    public int Count => _byThread.Count;

    public IEnumerable<RunRecord> All => _byThread.Values;

    public RunRecord? OfThread(string threadId) => _byThread.GetValueOrDefault(threadId);

    public RunRecord? Find(string threadId, string runId) => OfThread(threadId) is RunRecord run && run.Id == runId ? run : null;

    public void Add(RunRecord run) => _byThread[run.ThreadId] = run;

    public void Remove(RunRecord run) => _byThread.TryRemove(new KeyValuePair<string, RunRecord>(run.ThreadId, run));
}
