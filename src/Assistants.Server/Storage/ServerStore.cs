using System;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using System.Threading;

namespace Assistants.Server.Storage;

/// <summary>
/// All state of one server. Every read and write of the collections and of the JSON objects they hold
/// happens under <see cref="Gate"/>; model calls never do.
/// </summary>
internal sealed class ServerStore(TimeProvider time, Func<string, string>? idGenerator)
{
    private const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    public Lock Gate { get; } = new();

    public TimeProvider Time { get; } = time;

    public ResourceList<JsonObject> Assistants { get; } = new();

    public ResourceList<ThreadRecord> Threads { get; } = new();

    public ResourceList<StoredFile> Files { get; } = new();

    public ResourceList<VectorStoreRecord> VectorStores { get; } = new();

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
