using System;
using System.Net;

namespace Assistants.Server.Errors;

/// <summary>An error that becomes the service's error envelope: <c>{"error":{"message","type","param","code"}}</c>.</summary>
internal sealed class ApiException : Exception
{
    public ApiException(HttpStatusCode status, string message, string? param = null, string? code = null, bool withDetail = false, string type = "invalid_request_error")
        : base(message)
    {
        Type = type;
        Status = status;
        Param = param;
        Code = code;
        WithDetail = withDetail;
    }

    public HttpStatusCode Status { get; }

    public string? Param { get; }

    public string? Code { get; }

    /// <summary>The <c>/files</c> endpoints add a sibling <c>detail</c> object next to <c>error</c>.</summary>
    public bool WithDetail { get; }

    public string Type { get; }
}
