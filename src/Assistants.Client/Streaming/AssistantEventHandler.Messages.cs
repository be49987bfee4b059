using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Assistants.Client.Internal;

namespace Assistants.Client;

/// <summary>How message events update the message snapshots and raise the message and text callbacks.</summary>
public abstract partial class AssistantEventHandler
{
    private async ValueTask HandleMessageAsync(MessageUpdate update, CancellationToken cancellationToken)
    {
        ThreadMessage message = update.Message;
        if (!_messages.TryGetValue(message.Id, out MessageSnapshotBuilder? builder))
        {
            builder = new MessageSnapshotBuilder(message);
            _messages[message.Id] = builder;
            _currentMessage = builder;
            await OnMessageCreatedAsync(message, cancellationToken).ConfigureAwait(false);
            if (update.EventType == StreamingEventType.MessageCreated || update.EventType == StreamingEventType.MessageInProgress)
            {
                return;
            }
        }

        _currentMessage = builder;
        builder.Reset(message);
        if (update.EventType != StreamingEventType.MessageCompleted && update.EventType != StreamingEventType.MessageIncomplete)
        {
            return;
        }

        IReadOnlyList<MessageContent> content = message.Content ?? System.Array.Empty<MessageContent>();
        for (int i = 0; i < content.Count; i++)
        {
            if (content[i] is MessageTextContent { Text: { } text })
            {
                await OnTextDoneAsync(text, i, cancellationToken).ConfigureAwait(false);
            }
            else if (content[i] is MessageImageFileContent { ImageFile: { } image })
            {
                await OnImageFileDoneAsync(image, i, cancellationToken).ConfigureAwait(false);
            }
        }

        _finalMessages.RemoveAll(m => m.Id == message.Id);
        _finalMessages.Add(message);
        await OnMessageDoneAsync(message, cancellationToken).ConfigureAwait(false);
    }

    private async ValueTask HandleMessageDeltaAsync(MessageDeltaUpdate update, CancellationToken cancellationToken)
    {
        string id = update.MessageId ?? _currentMessage?.Id ?? string.Empty;
        if (!_messages.TryGetValue(id, out MessageSnapshotBuilder? builder))
        {
            builder = new MessageSnapshotBuilder(new ThreadMessage { Id = id, Role = MessageRole.Assistant });
            _messages[id] = builder;
        }

        _currentMessage = builder;
        if (update.TryGetFastText(out int index, out string text))
        {
            bool created = builder.AppendText(index, text);
            await OnMessageDeltaAsync(update, cancellationToken).ConfigureAwait(false);
            await RaiseTextAsync(created, index, text, cancellationToken).ConfigureAwait(false);
            return;
        }

        List<(int Index, bool Created, string? Text)> parts = new();
        foreach (MessageContentDelta part in update.Delta.Delta?.Content ?? System.Array.Empty<MessageContentDelta>())
        {
            bool created = builder.Apply(part);
            parts.Add((part.Index, created && part is MessageTextContentDelta, (part as MessageTextContentDelta)?.Text?.Value));
        }

        await OnMessageDeltaAsync(update, cancellationToken).ConfigureAwait(false);
        foreach ((int partIndex, bool created, string? partText) in parts)
        {
            if (partText is not null || created)
            {
                await RaiseTextAsync(created, partIndex, partText ?? string.Empty, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private async ValueTask RaiseTextAsync(bool created, int index, string text, CancellationToken cancellationToken)
    {
        if (created)
        {
            await OnTextCreatedAsync(index, cancellationToken).ConfigureAwait(false);
        }

        _textQueue?.Add(text);
        await OnTextDeltaAsync(text, index, cancellationToken).ConfigureAwait(false);
    }
}
