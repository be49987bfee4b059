using System.Text.Json.Serialization;

namespace Assistants.Client;

/// <summary>The error object of the protocol: <c>{"message", "type", "param", "code"}</c>, any of them possibly null.</summary>
public sealed class ApiError : JsonModel
{
    /// <summary>Gets the human-readable message.</summary>
    [JsonPropertyName("message")]
    public string? Message { get; init; }

    /// <summary>Gets the error type, such as <c>invalid_request_error</c>.</summary>
    [JsonPropertyName("type")]
    public string? Type { get; init; }

    /// <summary>Gets the parameter the error is about.</summary>
    [JsonPropertyName("param")]
    public string? Param { get; init; }

    /// <summary>Gets the error code, such as <c>invalid_thread</c>; a numeric code is kept as its text.</summary>
    [JsonPropertyName("code")]
    [JsonConverter(typeof(Serialization.StringOrNumberConverter))]
    public string? Code { get; init; }
}
