using System;
using System.Collections.Generic;

namespace Assistants.Migrate;

/// <summary>The command and its <c>--name value</c> options and <c>--flag</c>s.</summary>
internal sealed class CommandLine
{
    private static readonly HashSet<string> s_flags = ["--all-threads", "--no-all-assistants", "--into-assistants-server", "--public-routes"];
    private readonly Dictionary<string, string> _values = new(StringComparer.Ordinal);
    private readonly HashSet<string> _flags = new(StringComparer.Ordinal);

    public string Command { get; private set; } = "";

    public static CommandLine Parse(string[] args)
    {
        CommandLine line = new();
        for (int i = 0; i < args.Length; i++)
        {
            string arg = args[i];
            if (i == 0 && !arg.StartsWith("--", StringComparison.Ordinal))
            {
                line.Command = arg;
            }
            else if (s_flags.Contains(arg))
            {
                line._flags.Add(arg);
            }
            else if (arg.StartsWith("--", StringComparison.Ordinal) && i + 1 < args.Length)
            {
                if (arg == "--api-key")
                {
                    throw new ArgumentException("--api-key is not taken on the command line (it would be visible to other users); set the key in an environment variable and name it with --api-key-env.");
                }

                line._values[arg] = args[++i];
            }
            else
            {
                throw new ArgumentException($"unexpected argument '{arg}'");
            }
        }

        return line;
    }

    public string? Value(string name) => _values.TryGetValue(name, out string? value) ? value : null;

    public string Required(string name) => Value(name) ?? throw new ArgumentException($"{name} is required");

    public bool Flag(string name) => _flags.Contains(name);
}
