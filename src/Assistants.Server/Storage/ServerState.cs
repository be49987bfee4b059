using System;
using System.Security.Cryptography;

namespace Assistants.Server.Storage;

/// <summary>What the endpoints and the run engine share: the store, the gates, the clock and the id generator.</summary>
internal sealed class ServerState(IServerStore docs, TimeProvider time, Func<string, string>? idGenerator)
{
    private const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    public IServerStore Docs { get; } = docs;

    /// <summary>Gets the per-key gates: a thread's id for everything on a thread, a vector store's or assistant's id for theirs.</summary>
    public KeyedGates Gates { get; } = new();

    public TimeProvider Time { get; } = time;

    public long Now() => Time.GetUtcNow().ToUnixTimeSeconds();

    /// <summary>A new id such as <c>asst_</c> followed by 24 alphanumerics, or the configured generator's.</summary>
    public string NewId(string prefix)
    {
        if (idGenerator is not null)
        {
            return idGenerator(prefix);
        }

        return prefix + RandomNumberGenerator.GetString(Alphabet, 24);
    }

    public static string NewRequestId() => "req_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
}
