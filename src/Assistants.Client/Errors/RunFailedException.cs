using System;
using System.Globalization;

namespace Assistants.Client;

/// <summary>
/// A run ended <c>failed</c> or <c>expired</c> while the client waited for it. <see cref="Run"/> is the final run;
/// <see cref="LastError"/> (also <see cref="AssistantsApiException.ErrorCode"/>) says why, when the server said.
/// </summary>
public class RunFailedException : AssistantsApiException
{
    /// <summary>Initializes a new instance for a run that ended without success.</summary>
    /// <param name="run">The final run.</param>
    /// <exception cref="ArgumentNullException"><paramref name="run"/> is null.</exception>
    public RunFailedException(ThreadRun run)
        : base(Describe(run), ToApiError(run), run.Response, null)
    {
        Run = run;
    }

    /// <summary>Gets the run as it ended.</summary>
    public ThreadRun Run { get; }

    /// <summary>Gets the status the run ended with (<c>failed</c> or <c>expired</c>).</summary>
    /// <value><c>null</c> when the server left the run's <c>status</c> out.</value>
    public RunStatus? RunStatus => Run.Status;

    /// <summary>Gets the run's <c>last_error</c>, when the server set one.</summary>
    public RunError? LastError => Run.LastError;

    private static string Describe(ThreadRun run)
    {
        if (run is null)
        {
            throw new ArgumentNullException(nameof(run));
        }

        string reason = run.LastError is { } error
            ? string.Format(CultureInfo.InvariantCulture, ": [{0}] {1}", error.Code?.ToString() ?? "no code", error.Message ?? "no message")
            : " without an error from the server";
        return string.Format(CultureInfo.InvariantCulture, "Run {0} on thread {1} ended {2}{3}", run.Id, run.ThreadId ?? "(unknown)", run.Status, reason);
    }

    private static ApiError? ToApiError(ThreadRun run)
        => run?.LastError is { } error ? new ApiError { Code = error.Code?.ToString(), Message = error.Message } : null;
}
