using System;
using Microsoft.Extensions.Logging;

namespace Assistants.Server.Errors;

/// <summary>
/// Unexpected failures (a model exception, a bug): the client gets a generic <c>server_error</c> carrying a request id,
/// and the log gets the exception under the same id. The exception's text never reaches the wire: it can carry a
/// provider's internals.
/// </summary>
internal static class ServerFailures
{
    private static readonly Action<ILogger, string, string, Exception?> s_modelFailed = LoggerMessage.Define<string, string>(
        LogLevel.Error, new EventId(1, "ModelFailed"), "Run {RunId} failed because the model threw (request id {RequestId}).");

    private static readonly Action<ILogger, string, string, string, Exception?> s_requestFailed = LoggerMessage.Define<string, string, string>(
        LogLevel.Error, new EventId(2, "RequestFailed"), "{Method} {Path} failed with an unexpected error (request id {RequestId}).");

    /// <summary>The message a client sees: generic, with the id to find the log line.</summary>
    public static string Message(string requestId) =>
        $"The server had an error while processing your request. Request id: {requestId}";

    /// <summary>Logs a model failure and returns the run's <c>last_error.message</c>.</summary>
    public static string ModelFailed(ILogger logger, Exception exception, string runId, string requestId)
    {
        s_modelFailed(logger, runId, requestId, exception);
        return Message(requestId);
    }

    /// <summary>Logs an unexpected request failure and returns the 500 envelope's exception.</summary>
    public static ApiException RequestFailed(ILogger logger, Exception exception, string method, string path, string requestId)
    {
        s_requestFailed(logger, method, path, requestId, exception);
        return new ApiException(System.Net.HttpStatusCode.InternalServerError, Message(requestId), type: "server_error");
    }
}
