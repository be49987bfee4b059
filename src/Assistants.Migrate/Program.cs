using System;
using System.Threading.Tasks;

namespace Assistants.Migrate;

/// <summary><c>assistants-migrate export|import ...</c>: see README.md (or run without arguments).</summary>
internal static class Program
{
    public static async Task<int> Main(string[] args)
    {
        try
        {
            CommandLine line = CommandLine.Parse(args);
            return line.Command switch
            {
                "export" => await Commands.ExportAsync(line).ConfigureAwait(false),
                "import" => await Commands.ImportAsync(line).ConfigureAwait(false),
                _ => Usage(),
            };
        }
        catch (ArgumentException error)
        {
            Console.Error.WriteLine("error: " + error.Message);
            return Usage();
        }
        catch (Exception error) when (error is Client.AssistantsApiException or System.IO.IOException or UnauthorizedAccessException)
        {
            // An interrupted export resumes when run again; the message never holds the key (the client redacts it).
            Console.Error.WriteLine("error: " + error.Message);
            return 1;
        }
    }

    private static int Usage()
    {
        Console.Error.WriteLine("""
            usage:
              assistants-migrate export --base-url URL [--profile openai|foundry|embedded|custom] [--api-key-env NAME]
                                        (--threads ID,ID | --threads-file FILE | --all-threads) [--no-all-assistants] --out DIR
              assistants-migrate import --from DIR (--into-assistants-server | --public-routes) --base-url URL
                                        [--profile ...] [--api-key-env NAME] [--id-map FILE]
            The API key is read from the environment variable named by --api-key-env (default ASSISTANTS_API_KEY),
            never from the command line. An interrupted export resumes when run again with the same --out.
            """);
        return 2;
    }
}
