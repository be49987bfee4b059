using System;

namespace Assistants.Client;

/// <summary>
/// The configured server does not implement this operation: its <see cref="ServerProfile"/> does not serve it
/// (raised before anything is sent), or the server answered 405, 501, or 404 without the protocol's error envelope
/// (a 404 with the envelope is <see cref="ResourceNotFoundException"/>).
/// </summary>
public class OperationNotSupportedException : AssistantsApiException
{
    /// <summary>Initializes a new instance from a parsed server error.</summary>
    /// <param name="message">The message.</param>
    /// <param name="error">The server's error object, if it sent one.</param>
    /// <param name="response">The HTTP response details, if any.</param>
    /// <param name="rawBody">The response body as text, if any.</param>
    /// <param name="innerException">The cause, if any.</param>
    public OperationNotSupportedException(string message, ApiError? error, ResponseInfo? response, string? rawBody, Exception? innerException = null)
        : base(message, error, response, rawBody, innerException)
    {
    }

    private OperationNotSupportedException(string message, string profileName, string operationName)
        : base(message, null, null, null)
    {
        ProfileName = profileName;
        OperationName = operationName;
    }

    /// <summary>Gets the name of the server profile that does not serve the operation, or <c>null</c> when the server said so at run time.</summary>
    public string? ProfileName { get; }

    /// <summary>Gets the operation's name (<c>create_file</c>, <c>list_threads</c>, ...) when a profile refused it; <c>null</c> when the server said so at run time.</summary>
    public string? OperationName { get; }

    internal static OperationNotSupportedException ForProfile(string profileName, string operationName, string method, string pathTemplate)
        => new(
            $"The {profileName} server profile does not serve {operationName} ({method} {pathTemplate}); nothing was sent. See docs/profiles.md for what each profile serves, or use ServerProfile.Custom to try it anyway.",
            profileName,
            operationName);
}
