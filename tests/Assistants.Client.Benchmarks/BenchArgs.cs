using System;
using System.Globalization;

namespace Assistants.Client.Benchmarks;

/// <summary>The command line of the program's own modes: <c>--name value</c> options and <c>--flag</c> switches.</summary>
internal sealed class BenchArgs
{
    private readonly string[] _args;

    public BenchArgs(string[] args) => _args = args;

    public bool Has(string flag) => Array.IndexOf(_args, flag) >= 0;

    public string? Get(string name)
    {
        int i = Array.IndexOf(_args, name);
        return i >= 0 && i + 1 < _args.Length ? _args[i + 1] : null;
    }

    public string Get(string name, string fallback) => Get(name) ?? fallback;

    public int Get(string name, int fallback) =>
        Get(name) is { } text ? int.Parse(text, NumberStyles.Integer, CultureInfo.InvariantCulture) : fallback;
}
