using System;
using System.Linq;
using System.Threading.Tasks;
using Assistants.Client;

namespace Assistants.Migrate;

/// <summary>The two commands, over the library's <see cref="AssistantsExporter"/> and <see cref="AssistantsImporter"/>.</summary>
internal static class Commands
{
    public static async Task<int> ExportAsync(CommandLine line)
    {
        ExportOptions options = new()
        {
            ThreadIdsFile = line.Value("--threads-file"),
            AllThreads = line.Flag("--all-threads"),
            AllAssistants = !line.Flag("--no-all-assistants"),
            Progress = new Progress<ExportProgress>(report => Console.WriteLine("  " + report)),
        };
        foreach (string id in (line.Value("--threads") ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            options.ThreadIds.Add(id);
        }

        if (options.ThreadIds.Count == 0 && options.ThreadIdsFile is null && !options.AllThreads)
        {
            throw new ArgumentException("name the threads: --threads, --threads-file or --all-threads");
        }

        string folder = line.Required("--out");
        using AssistantsApiClient client = CreateClient(line);
        ExportResult result = await new AssistantsExporter(client).ExportAsync(folder, options).ConfigureAwait(false);
        Console.WriteLine($"exported to {folder}: {result.TotalObjects} objects, {result.Bytes} bytes, {result.NotExported} not exported, {result.UnitsSkipped} units already done");
        foreach (var count in result.Objects.Where(pair => pair.Value > 0))
        {
            Console.WriteLine($"  {count.Key}: {count.Value}");
        }

        return 0;
    }

    public static async Task<int> ImportAsync(CommandLine line)
    {
        bool server = line.Flag("--into-assistants-server");
        if (server == line.Flag("--public-routes"))
        {
            throw new ArgumentException("choose one of --into-assistants-server and --public-routes");
        }

        ImportOptions options = new() { Target = server ? ImportTarget.AssistantsServer : ImportTarget.PublicRoutes, IdMapPath = line.Value("--id-map") };
        string folder = line.Required("--from");
        using AssistantsApiClient client = CreateClient(line);
        ImportResult result = await new AssistantsImporter(client).ImportAsync(folder, options).ConfigureAwait(false);
        Console.WriteLine($"imported from {folder}: " + string.Join(", ", result.Imported.Select(pair => $"{pair.Key} {pair.Value}")));
        if (result.IdMapPath is not null)
        {
            Console.WriteLine($"id map: {result.IdMapPath}");
        }

        foreach (string loss in result.Losses)
        {
            Console.WriteLine("  lost: " + loss);
        }

        return 0;
    }

    private static AssistantsApiClient CreateClient(CommandLine line)
    {
        Uri baseUrl = new(line.Required("--base-url"));
        string? apiKey = Environment.GetEnvironmentVariable(line.Value("--api-key-env") ?? "ASSISTANTS_API_KEY");
        ServerProfile profile = (line.Value("--profile") ?? "openai") switch
        {
            "openai" => ServerProfile.OpenAICompatible(baseUrl),
            "foundry" => ServerProfile.Foundry(baseUrl),
            "embedded" => ServerProfile.EmbeddedOnLoopback(baseUrl),
            "custom" => ServerProfile.Custom(baseUrl, line.Value("--api-version"), AuthenticationScheme.Bearer, null),
            string other => throw new ArgumentException($"unknown profile '{other}' (openai, foundry, embedded, custom)"),
        };
        return new AssistantsApiClient(profile, string.IsNullOrEmpty(apiKey) ? null : apiKey);
    }
}
