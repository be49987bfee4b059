namespace Assistants.Client;

/// <summary>How <see cref="AssistantsImporter"/> brings an export folder into a server.</summary>
public enum ImportTarget
{
    /// <summary>
    /// Through <c>Assistants.Server</c>'s own import routes (<c>POST /_import</c>, turned on with its <c>EnableImport</c>
    /// option): every object is stored as exported, ids, timestamps, runs, run steps and annotations included.
    /// </summary>
    AssistantsServer,

    /// <summary>
    /// Through the protocol's public routes, into any server: new ids (an id map is written), no runs, run steps or
    /// annotations, and every timestamp is the time of the import (<see cref="ImportResult.Losses"/>).
    /// </summary>
    PublicRoutes,
}
