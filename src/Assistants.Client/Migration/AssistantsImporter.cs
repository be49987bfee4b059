using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using Assistants.Client.Internal;
using Assistants.Client.Migration;

namespace Assistants.Client;

/// <summary>
/// Imports a folder written by <see cref="AssistantsExporter"/> into a server: into <c>Assistants.Server</c> through its
/// import routes with everything kept, or into any server of the protocol through its public routes with new ids and
/// the losses listed in <see cref="ImportResult.Losses"/> (docs/migration.md).
/// </summary>
public sealed class AssistantsImporter
{
    private readonly AssistantsApiClient _client;

    /// <summary>Initializes an importer that writes to the server of <paramref name="client"/>.</summary>
    /// <param name="client">The client of the server to import into.</param>
    /// <exception cref="ArgumentNullException"><paramref name="client"/> is null.</exception>
    public AssistantsImporter(AssistantsApiClient client)
    {
        Argument.NotNull(client, nameof(client));
        _client = client;
    }

    /// <summary>Imports the folder.</summary>
    /// <param name="folder">A folder written by <see cref="AssistantsExporter.ExportAsync"/>.</param>
    /// <param name="options">The way in.</param>
    /// <param name="cancellationToken">Cancels the import.</param>
    /// <returns>What was imported, the id map and what was lost.</returns>
    /// <exception cref="ArgumentException"><paramref name="folder"/> is null, empty or not an export folder.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><see cref="ImportOptions.BatchSize"/> is less than 1.</exception>
    /// <exception cref="AssistantsApiException">The server refused a request (on <c>Assistants.Server</c>, a 409 when an id already exists there: nothing of that batch was stored).</exception>
    public Task<ImportResult> ImportAsync(string folder, ImportOptions? options = null, CancellationToken cancellationToken = default)
    {
        Argument.NotNullOrEmpty(folder, nameof(folder));
        options ??= new ImportOptions();
        if (options.BatchSize < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.BatchSize, "BatchSize must be at least 1.");
        }

        if (!File.Exists(Path.Combine(folder, MigrationFiles.Checkpoint)))
        {
            throw new ArgumentException($"'{folder}' is not an export folder (no {MigrationFiles.Checkpoint}).", nameof(folder));
        }

        RawApi api = new(_client.Pipeline);
        return options.Target == ImportTarget.PublicRoutes
            ? new PublicRoutesImport(_client, api, folder).RunAsync(options.IdMapPath ?? folder.TrimEnd('/', '\\') + ".id-map.jsonl", cancellationToken)
            : new ServerImport(api, folder, options.BatchSize).RunAsync(cancellationToken);
    }
}
