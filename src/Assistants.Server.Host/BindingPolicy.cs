using System;
using System.Collections.Generic;
using System.Linq;

namespace Assistants.Server.Host;

/// <summary>Which addresses the Host may listen on: without keys, loopback only.</summary>
internal static class BindingPolicy
{
    /// <summary>Returns why the Host must not start on <paramref name="urls"/>, or <see langword="null"/> when it may.</summary>
    /// <param name="urls">The listen URLs, separated by <c>;</c> as in <c>--urls</c>.</param>
    /// <param name="hasKeys">Whether any API key is configured.</param>
    public static string? Refusal(string urls, bool hasKeys)
    {
        if (hasKeys)
        {
            return null;
        }

        List<string> exposed = [.. Split(urls).Where(url => !IsLoopback(url))];
        return exposed.Count == 0
            ? null
            : $"Refusing to start: {string.Join(", ", exposed)} is not a loopback address and --no-auth turns API keys off, "
              + "so anyone who can reach that address could use the server (and spend its model's credits). "
              + "Drop --no-auth (the Host then uses a key), or listen on 127.0.0.1, [::1] or localhost only.";
    }

    /// <summary>Splits a <c>--urls</c> value into its URLs.</summary>
    public static IEnumerable<string> Split(string urls) =>
        urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>Whether a listen URL binds loopback only (<c>localhost</c> or a loopback IP; <c>*</c>, <c>+</c>, <c>0.0.0.0</c> and names do not).</summary>
    public static bool IsLoopback(string url)
    {
        int scheme = url.IndexOf("://", StringComparison.Ordinal);
        string authority = scheme < 0 ? url : url[(scheme + 3)..];
        return Http.FrontDoor.IsLoopbackHost(authority.Split('/')[0]);
    }
}
