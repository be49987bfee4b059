using System.Collections.Generic;

namespace Assistants.Client.Internal;

/// <summary>Copies of immutable models with their accumulated parts replaced.</summary>
internal static class Snapshots
{
    public static ThreadMessage WithContent(ThreadMessage m, IReadOnlyList<MessageContent> content, MessageStatus? status = null, System.DateTimeOffset? completedAt = null) => new()
    {
        Id = m.Id,
        Object = m.Object,
        CreatedAt = m.CreatedAt,
        ThreadId = m.ThreadId,
        Status = status ?? m.Status,
        IncompleteDetails = m.IncompleteDetails,
        CompletedAt = completedAt ?? m.CompletedAt,
        IncompleteAt = m.IncompleteAt,
        Role = m.Role,
        Content = content,
        AssistantId = m.AssistantId,
        RunId = m.RunId,
        Attachments = m.Attachments,
        Metadata = m.Metadata,
        AdditionalProperties = m.AdditionalProperties,
    };

    public static RunStep WithDetails(RunStep s, RunStepDetails? details, RunStepStatus? status = null) => new()
    {
        Id = s.Id,
        Object = s.Object,
        CreatedAt = s.CreatedAt,
        RunId = s.RunId,
        AssistantId = s.AssistantId,
        ThreadId = s.ThreadId,
        Type = s.Type,
        Status = status ?? s.Status,
        Details = details,
        LastError = s.LastError,
        ExpiresAt = s.ExpiresAt,
        ExpiredAt = s.ExpiredAt,
        CancelledAt = s.CancelledAt,
        FailedAt = s.FailedAt,
        CompletedAt = s.CompletedAt,
        Metadata = s.Metadata,
        Usage = s.Usage,
        AdditionalProperties = s.AdditionalProperties,
    };
}
