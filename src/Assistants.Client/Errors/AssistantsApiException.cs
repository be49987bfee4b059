using System;
using System.Collections.Generic;
using System.Net;

namespace Assistants.Client;

/// <summary>
/// The root of every error this library raises for a server's answer: an HTTP error status, a body that
/// cannot be read, or an <c>error</c> event in a stream.
/// </summary>
public class AssistantsApiException : Exception
{
    /// <summary>Initializes a new instance with a message only.</summary>
    /// <param name="message">The message.</param>
    public AssistantsApiException(string message)
        : base(message)
    {
    }

    /// <summary>Initializes a new instance with a message and an inner exception.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public AssistantsApiException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Initializes a new instance from a parsed server error.</summary>
    /// <param name="message">The message.</param>
    /// <param name="error">The server's error object, if it sent one.</param>
    /// <param name="response">The HTTP response details, if there was a response.</param>
    /// <param name="rawBody">The response body as text, if any.</param>
    /// <param name="innerException">The cause, if any.</param>
    public AssistantsApiException(string message, ApiError? error, ResponseInfo? response, string? rawBody, Exception? innerException = null)
        : base(message, innerException)
    {
        Error = error;
        Response = response;
        RawBody = rawBody;
    }

    /// <summary>Gets the HTTP status code, or <c>0</c> when the error did not come with a status (a stream's <c>error</c> event).</summary>
    public int Status => Response is null ? 0 : (int)Response.StatusCode;

    /// <summary>Gets the HTTP status code as <see cref="HttpStatusCode"/>, when there is one.</summary>
    public HttpStatusCode? StatusCode => Response?.StatusCode;

    /// <summary>Gets the error object the server sent, when it sent one.</summary>
    public ApiError? Error { get; }

    /// <summary>Gets the server's error code (for example <c>invalid_thread</c> or <c>rate_limit_exceeded</c>).</summary>
    public string? ErrorCode => Error?.Code;

    /// <summary>Gets the server's error type (for example <c>invalid_request_error</c>).</summary>
    public string? ErrorType => Error?.Type;

    /// <summary>Gets the request parameter the server named as the cause.</summary>
    public string? Param => Error?.Param;

    /// <summary>Gets the request id of the failed call.</summary>
    public string? RequestId => Response?.RequestId;

    /// <summary>Gets the response headers.</summary>
    public IReadOnlyDictionary<string, string> Headers => Response?.Headers ?? EmptyHeaders;

    /// <summary>Gets the response details.</summary>
    public ResponseInfo? Response { get; }

    /// <summary>Gets the response body as text: its first 1 MiB (the most of an error body the client reads; the rest is discarded).</summary>
    public string? RawBody { get; }

    private static IReadOnlyDictionary<string, string> EmptyHeaders { get; } = new Dictionary<string, string>();
}
