using System;
using System.Collections.Generic;

namespace Assistants.Server.Host;

/// <summary>Decides, before anything listens, which keys the Host accepts and whether it may start at all.</summary>
internal static class HostStartup
{
    /// <summary>Plans the start: keys from <paramref name="configuredKeys"/>, else the key file (created on first start), none with <c>--no-auth</c>.</summary>
    /// <param name="settings">The Host's switches.</param>
    /// <param name="urls">The listen URLs.</param>
    /// <param name="configuredKeys">The value of <see cref="HostSettings.KeysVariable"/>, comma-separated, or <see langword="null"/>.</param>
    /// <returns>The plan; <see cref="HostPlan.Refusal"/> says why the Host must not start.</returns>
    public static HostPlan Plan(HostSettings settings, string urls, string? configuredKeys)
    {
        List<string> keys = [.. (configuredKeys ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];
        string? keyFile = null;
        bool created = false;
        if (settings.NoAuth)
        {
            keys.Clear();
        }
        else if (keys.Count == 0)
        {
            (string key, created) = KeyFile.LoadOrCreate(settings.KeyFilePath);
            keys.Add(key);
            keyFile = settings.KeyFilePath;
        }

        return new HostPlan(keys, keyFile, created, BindingPolicy.Refusal(urls, keys.Count > 0));
    }

    /// <summary>The lines the Host prints on start: the URLs and where the key is, never the key.</summary>
    public static IEnumerable<string> Banner(HostPlan plan, string urls)
    {
        foreach (string url in BindingPolicy.Split(urls))
        {
            yield return $"Assistants.Server listening on {url.TrimEnd('/')}/v1";
        }

        if (plan.KeyFile is not null)
        {
            yield return plan.KeyCreated
                ? $"API key: generated and written to {plan.KeyFile} (readable by this user only)."
                : $"API key: in {plan.KeyFile}.";
        }
        else if (plan.Keys.Count > 0)
        {
            yield return $"API keys: {plan.Keys.Count} from {HostSettings.KeysVariable}.";
        }
        else
        {
            yield return "API keys: off (--no-auth); loopback only.";
        }
    }
}
