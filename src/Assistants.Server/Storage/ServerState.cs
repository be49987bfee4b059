using System;

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

        return string.Create(prefix.Length + 24, prefix, static (id, prefix) =>
        {
            prefix.CopyTo(id);
            foreach (ref char c in id[prefix.Length..])
            {
                // 248 = 4 x 62: bytes above it are skipped, so every character is equally likely.
                byte b;
                while ((b = SecureRandom.NextByte()) >= 248)
                {
                }

                c = Alphabet[b % Alphabet.Length];
            }
        });
    }

    public static string NewRequestId()
    {
        Span<byte> bytes = stackalloc byte[16];
        SecureRandom.Fill(bytes);
        return "req_" + Convert.ToHexStringLower(bytes);
    }
}
