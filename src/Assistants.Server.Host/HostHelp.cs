namespace Assistants.Server.Host;

/// <summary>The text of <c>--help</c>.</summary>
internal static class HostHelp
{
    public const string Text = $"""
        Assistants.Server.Host: serves the Assistants v2 protocol over HTTP.

        Usage: Assistants.Server.Host [--urls URLS] [--data FOLDER] [--in-memory] [--no-auth] [--diagnostics] [--help]

          --urls URLS    Where to listen, ';'-separated (default {HostSettings.DefaultUrls}; also ASPNETCORE_URLS).
          --data FOLDER  The data folder (default: the per-user folder, e.g. ~/.local/share/assistants-server).
          --in-memory    Keep all state in memory (lost when the Host stops) instead of the SQLite store.
          --no-auth      No API keys. Allowed only when every URL is loopback (127.0.0.1, [::1], localhost).
          --diagnostics  Answer GET /_diagnostics/memory (?gc=1: after a full GC) with working set and GC heap
                         figures as JSON, to loopback peers only (403 otherwise). Off by default.
          --help         This text.

        Keys: clients send 'Authorization: Bearer KEY' (or 'api-key: KEY'). Keys come from {HostSettings.KeysVariable}
          (comma-separated); when it is not set, the Host generates a key on first start and writes it to
          FOLDER/api-key, readable by its user only. The Host prints that file's path, never the key.
        Binding: a non-loopback address (0.0.0.0, *, a host name) needs keys; with --no-auth the Host refuses to start.
          On loopback, requests must name a loopback Host (DNS rebinding defence).
        Limits: JSON bodies up to 32 MiB and uploads up to 512 MiB (413 beyond); metadata 16 pairs (keys 64, values 512
          characters), name 256, description 512, instructions 256,000 characters, temperature 0-2, top_p 0-1,
          128 tools, function names ^[a-zA-Z0-9_-]{"{"}1,64{"}"}$, list limit 1-100. Bodies must be application/json
          (uploads multipart/form-data).
        Storage: FOLDER/assistants.db (SQLite, WAL) and FOLDER/files/ (uploads), beside the key file; runs that were
          active when the Host stopped are settled as failed on the next start.
        Backup: stop the Host and copy the data folder (or use sqlite3's .backup on assistants.db, then copy files/).
        Model: the scripted offline model, or an OpenAI chat model when OPENAI_API_KEY is set (OPENAI_MODEL,
          default gpt-4o-mini).
        """;
}
