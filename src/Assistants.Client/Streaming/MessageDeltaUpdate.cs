using System;
using System.Text;

namespace Assistants.Client;

/// <summary>
/// A <c>thread.message.delta</c> event: a fragment of a message as it streams. <see cref="Text"/> gives the text
/// it appends; <see cref="Delta"/> gives the full delta with every content part by <c>index</c>.
/// </summary>
/// <remarks>
/// The common delta (one text fragment) is read by a fast path that keeps only the fragment and its part index;
/// <see cref="Delta"/> then builds the full model on first access. Both views describe the same event.
/// </remarks>
public sealed class MessageDeltaUpdate : StreamingUpdate
{
    private static readonly TextAnnotationDelta[] s_noAnnotations = Array.Empty<TextAnnotationDelta>();

    private readonly string? _messageId;
    private readonly string? _fastText;
    private readonly int _fastIndex;
    private readonly bool _fastEmptyAnnotations;
    private MessageDelta? _delta;

    /// <summary>Initializes the update from its delta.</summary>
    /// <param name="delta">The message delta.</param>
    /// <exception cref="ArgumentNullException"><paramref name="delta"/> is null.</exception>
    public MessageDeltaUpdate(MessageDelta delta)
        : base(StreamingEventType.MessageDelta)
    {
        _delta = delta ?? throw new ArgumentNullException(nameof(delta));
        _messageId = delta.Id;
    }

    internal MessageDeltaUpdate(string? messageId, int index, string text, bool emptyAnnotations)
        : base(StreamingEventType.MessageDelta)
    {
        _messageId = messageId;
        _fastIndex = index;
        _fastText = text;
        _fastEmptyAnnotations = emptyAnnotations;
    }

    /// <summary>Gets the id of the message that changed.</summary>
    public string? MessageId => _messageId;

    /// <summary>Gets the full delta: the changed content parts, each with the <c>index</c> of the part it extends.</summary>
    public MessageDelta Delta => _delta ??= Materialize();

    /// <summary>Gets the text this delta appends (its text parts' fragments, in order), or <c>null</c> when it carries no text.</summary>
    public string? Text
    {
        get
        {
            if (_fastText is not null)
            {
                return _fastText;
            }

            string? single = null;
            StringBuilder? builder = null;
            foreach (MessageContentDelta part in _delta!.Delta?.Content ?? Array.Empty<MessageContentDelta>())
            {
                if (part is MessageTextContentDelta { Text.Value: { } value })
                {
                    if (single is null)
                    {
                        single = value;
                    }
                    else
                    {
                        (builder ??= new StringBuilder(single)).Append(value);
                    }
                }
            }

            return builder?.ToString() ?? single;
        }
    }

    /// <summary>The single text fragment and its part index when the fast path read this delta; no allocation.</summary>
    internal bool TryGetFastText(out int index, out string text)
    {
        index = _fastIndex;
        text = _fastText!;
        return _fastText is not null;
    }

    private MessageDelta Materialize() => new()
    {
        Id = _messageId,
        Object = "thread.message.delta",
        Delta = new MessageDeltaPayload
        {
            Content = new MessageContentDelta[]
            {
                new MessageTextContentDelta
                {
                    Index = _fastIndex,
                    Text = new MessageTextDelta { Value = _fastText, Annotations = _fastEmptyAnnotations ? s_noAnnotations : null },
                },
            },
        },
    };
}
