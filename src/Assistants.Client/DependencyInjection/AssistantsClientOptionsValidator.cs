using System;
using System.Collections.Generic;
using Microsoft.Extensions.Options;

namespace Assistants.Client.Internal;

/// <summary>
/// Validates the registered <see cref="AssistantsClientOptions"/> when the host starts (hand-written: no reflection).
/// Reports what the configuration binder found (bad values, unknown keys), then the rules across options: a server
/// must be chosen, and options must not contradict the profile. Every failure names the key as the user wrote it.
/// One instance per registration: it validates only the options of its name (the default name, or a keyed client's key).
/// </summary>
internal sealed class AssistantsClientOptionsValidator : IValidateOptions<AssistantsClientOptions>
{
    private readonly string _name;
    private readonly string _prefix;

    public AssistantsClientOptionsValidator(string name, string keyPrefix)
    {
        _name = name;
        _prefix = keyPrefix;
    }

    public ValidateOptionsResult Validate(string? name, AssistantsClientOptions options)
    {
        if (!string.Equals(name ?? Options.DefaultName, _name, StringComparison.Ordinal))
        {
            return ValidateOptionsResult.Skip;
        }

        List<string> failures = [.. options.ConfigurationErrors ?? []];
        if (options.Profile is null && options.BaseUrl is null)
        {
            failures.Add($"{_prefix}BaseUrl is not set and no {_prefix}Profile is chosen: set {_prefix}BaseUrl, or {_prefix}Profile to one of {OptionsBinder.ProfileNames} (there is no default server).");
        }
        else if (ServerResolution.Conflict(options) is { } conflict)
        {
            failures.Add(conflict);
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
