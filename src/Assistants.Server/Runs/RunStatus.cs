namespace Assistants.Server.Runs;

/// <summary>The run statuses of the protocol.</summary>
internal static class RunStatus
{
    public const string Queued = "queued";
    public const string InProgress = "in_progress";
    public const string RequiresAction = "requires_action";
    public const string Cancelling = "cancelling";
    public const string Cancelled = "cancelled";
    public const string Failed = "failed";
    public const string Completed = "completed";
    public const string Incomplete = "incomplete";
    public const string Expired = "expired";

    /// <summary>Whether a run in <paramref name="status"/> blocks its thread: it may still change.</summary>
    public static bool IsActive(string? status) => status is Queued or InProgress or RequiresAction or Cancelling;
}
