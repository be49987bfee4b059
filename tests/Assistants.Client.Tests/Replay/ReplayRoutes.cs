using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Serialization.Metadata;
using System.Text.RegularExpressions;
using Assistants.Client.Serialization;

namespace Assistants.Client.Tests.Replay;

/// <summary>Every route of the library with the model of its response, grouped by resource.</summary>
internal static class ReplayRoutes
{
    private const string Id = "[^/]+";

    public static IReadOnlyList<ReplayRoute> All { get; } = Build().ToList();

    public static ReplayRoute? Find(RecordedEntry entry) => All.FirstOrDefault(r => r.Matches(entry));

    private static IEnumerable<ReplayRoute> Build()
    {
        AssistantsJsonContext json = AssistantsJsonContext.Default;

        //// Assistants
        yield return Route("POST", "assistants", json.Assistant, "create assistant");
        yield return Route("GET", "assistants", json.ListResponseAssistant, "list assistants");
        yield return Route("GET", $"assistants/{Id}", json.Assistant, "retrieve assistant");
        yield return Route("POST", $"assistants/{Id}", json.Assistant, "modify assistant");
        yield return Route("DELETE", $"assistants/{Id}", json.DeletionResult, "delete assistant");

        //// Threads

        //// Messages

        //// Runs

        //// RunSteps

        //// Files

        //// VectorStores
    }

    private static ReplayRoute Route(string method, string path, JsonTypeInfo type, string name)
        => new(method, new Regex("^" + path + "$", RegexOptions.CultureInvariant), type, name);
}
