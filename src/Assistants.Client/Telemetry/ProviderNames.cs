namespace Assistants.Client.Telemetry;

/// <summary>
/// The <c>gen_ai.provider.name</c> of each server profile, one table: the convention's well-known value where one
/// fits (<c>openai</c>: the conventions ask for it when an OpenAI-protocol client cannot tell the product behind
/// the endpoint), a custom value in the same style where none does (docs/telemetry.md).
/// </summary>
internal static class ProviderNames
{
    public const string OpenAI = "openai";
    public const string Foundry = "azure.ai.foundry";
    public const string Fabric = "microsoft.fabric";
    public const string Embedded = "assistants.server";

    /// <summary>The value for a profile name (<see cref="ServerProfile.Name"/>), or for a client without a profile.</summary>
    public static string ForProfile(string? profileName) => profileName switch
    {
        "Foundry" => Foundry,
        "Fabric" => Fabric,
        "Embedded" => Embedded,
        _ => OpenAI,
    };
}
