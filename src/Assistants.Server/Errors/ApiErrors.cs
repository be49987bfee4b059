using System.Net;

namespace Assistants.Server.Errors;

/// <summary>The error messages of the real service, in one place.</summary>
internal static class ApiErrors
{
    public static ApiException NotFound(string kind, string id) =>
        new(HttpStatusCode.NotFound, $"No {kind} found with id '{id}'.");

    public static ApiException FileNotFound(string id) =>
        new(HttpStatusCode.NotFound, $"No such File object: {id}", param: "id", withDetail: true);

    public static ApiException InvalidUrl(string method, string path) =>
        new(HttpStatusCode.NotFound, $"Invalid URL ({method} {path})");

    public static ApiException BadRequest(string message, string? param = null, string? code = null) =>
        new(HttpStatusCode.BadRequest, message, param, code);

    public static ApiException MissingParameter(string name) =>
        BadRequest($"Missing required parameter: '{name}'.", name, "missing_required_parameter");

    public static ApiException InvalidType(string name, string expected, string got) =>
        BadRequest($"Invalid type for '{name}': expected {expected}, but got {got} instead.", name, "invalid_type");

    public static ApiException InvalidJson() =>
        BadRequest("We could not parse the JSON body of your request. (HINT: This likely means you aren't using your HTTP library correctly. The Assistants API expects a JSON payload, but what was sent was not valid JSON.)");

    public static ApiException ThreadBusyForRun(string threadId, string runId) =>
        BadRequest($"Thread {threadId} already has an active run {runId}.");

    public static ApiException ThreadBusyForMessage(string threadId, string runId) =>
        BadRequest($"Can't add messages to {threadId} while a run {runId} is active.");
}
