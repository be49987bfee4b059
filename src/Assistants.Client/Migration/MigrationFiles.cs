using System;
using System.IO;
using System.Linq;
using System.Text;

namespace Assistants.Client.Migration;

/// <summary>The names in an export folder (docs/migration.md): one JSON Lines file per kind, the bytes under <c>files/</c>.</summary>
internal static class MigrationFiles
{
    public const string Assistants = "assistants.jsonl";
    public const string Threads = "threads.jsonl";
    public const string Messages = "messages.jsonl";
    public const string Runs = "runs.jsonl";
    public const string RunSteps = "run_steps.jsonl";
    public const string VectorStores = "vector_stores.jsonl";
    public const string VectorStoreFiles = "vector_store_files.jsonl";
    public const string Files = "files.jsonl";
    public const string NotExported = "not-exported.jsonl";
    public const string Checkpoint = "checkpoint.jsonl";
    public const string Manifest = "manifest.json";
    public const string ContentFolder = "files";

    /// <summary>Every data file, in the order an import needs them (a parent before its children).</summary>
    public static readonly string[] DataFiles = [Files, VectorStores, VectorStoreFiles, Assistants, Threads, Messages, Runs, RunSteps, NotExported];

    /// <summary>The path of a file's bytes: an id of letters, digits, <c>-</c> and <c>_</c> is its own name; any other is hex-encoded.</summary>
    public static string ContentPath(string folder, string fileId)
    {
        bool plain = fileId.Length is > 0 and <= 128 && fileId.All(c => c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9') or '-' or '_');
        string name = plain ? fileId : "x" + string.Concat(Encoding.UTF8.GetBytes(fileId).Select(b => b.ToString("x2", System.Globalization.CultureInfo.InvariantCulture)));
        return Path.Combine(folder, ContentFolder, name);
    }

    public static string KindOf(string fileName) => fileName switch
    {
        Assistants => "assistant",
        Threads => "thread",
        Messages => "message",
        Runs => "run",
        RunSteps => "run_step",
        VectorStores => "vector_store",
        VectorStoreFiles => "vector_store_file",
        Files => "file",
        _ => throw new ArgumentOutOfRangeException(nameof(fileName), fileName, "Not a data file of an export folder."),
    };
}
