using System.Collections.Generic;
using System.Text;

namespace Assistants.Client.Internal;

/// <summary>
/// Accumulates a streamed message: the last full message the server sent plus the deltas since, merged by
/// content <c>index</c> (text and refusals concatenated, annotations merged by their own index, new parts inserted).
/// </summary>
internal sealed class MessageSnapshotBuilder
{
    private readonly SortedDictionary<int, Part> _parts = new();
    private ThreadMessage _message;
    private ThreadMessage? _snapshot;

    public MessageSnapshotBuilder(ThreadMessage message)
    {
        _message = message;
        Reset(message);
    }

    public string Id => _message.Id;

    public ThreadMessage Snapshot => _snapshot ??= Build();

    /// <summary>Takes a full message from the server as the new base; its content replaces what was merged.</summary>
    public void Reset(ThreadMessage message)
    {
        _message = message;
        _snapshot = null;
        if (message.Content is not { Count: > 0 } content)
        {
            return;
        }

        _parts.Clear();
        for (int i = 0; i < content.Count; i++)
        {
            _parts[i] = new Part { Full = content[i] };
        }
    }

    /// <summary>Gets the text merged so far into the text part at <paramref name="index"/>, or <c>null</c> when there is no such part.</summary>
    public string? TextAt(int index)
        => _parts.TryGetValue(index, out Part? part) ? part.Text : null;

    /// <summary>Appends a text fragment to the text part at <paramref name="index"/>; returns <c>true</c> when the part is new.</summary>
    public bool AppendText(int index, string text)
    {
        _snapshot = null;
        bool created = !_parts.TryGetValue(index, out Part? part);
        if (created)
        {
            part = new Part { Type = "text" };
            _parts[index] = part;
        }

        part!.AppendText(text);
        return created;
    }

    /// <summary>Merges a content delta; returns <c>true</c> when it starts a new part.</summary>
    public bool Apply(MessageContentDelta delta)
    {
        _snapshot = null;
        bool created = !_parts.TryGetValue(delta.Index, out Part? part);
        if (created)
        {
            part = new Part { Type = delta.Type };
            _parts[delta.Index] = part;
        }

        part!.Apply(delta);
        return created;
    }

    private ThreadMessage Build()
    {
        List<MessageContent> content = new(_parts.Count);
        foreach (Part part in _parts.Values)
        {
            content.Add(part.Build());
        }

        return Snapshots.WithContent(_message, content);
    }

    private sealed class Part
    {
        private readonly SortedDictionary<int, object> _annotations = new();
        private StringBuilder? _text;

        public MessageContent? Full { get; set; }

        public string? Text => _text?.ToString() ?? (Full as MessageTextContent)?.Text?.Value;

        public string? Type { get; set; }

        public MessageImageFileDelta? ImageFile { get; private set; }

        public MessageImageUrlDelta? ImageUrl { get; private set; }

        public void AppendText(string text)
        {
            if (_text is null)
            {
                _text = new StringBuilder((Full as MessageTextContent)?.Text?.Value);
                CopyFullAnnotations();
            }

            Type ??= "text";
            _text.Append(text);
            Full = null;
        }

        public void Apply(MessageContentDelta delta)
        {
            switch (delta)
            {
                case MessageTextContentDelta text:
                    AppendText(text.Text?.Value ?? string.Empty);
                    foreach (TextAnnotationDelta annotation in text.Text?.Annotations ?? System.Array.Empty<TextAnnotationDelta>())
                    {
                        _annotations[annotation.Index] = annotation;
                    }

                    break;
                case MessageRefusalContentDelta refusal:
                    (_text ??= new StringBuilder((Full as MessageRefusalContent)?.Refusal)).Append(refusal.Refusal);
                    Full = null;
                    break;
                case MessageImageFileContentDelta image:
                    ImageFile = image.ImageFile ?? ImageFile;
                    Full = null;
                    break;
                case MessageImageUrlContentDelta url:
                    ImageUrl = url.ImageUrl ?? ImageUrl;
                    Full = null;
                    break;
                case UnknownMessageContentDelta unknown:
                    Full = new UnknownMessageContent(unknown.Raw);
                    break;
            }
        }

        public MessageContent Build()
        {
            if (Full is not null)
            {
                return Full;
            }

            return Type switch
            {
                "refusal" => new MessageRefusalContent { Refusal = _text?.ToString() },
                "image_file" => new MessageImageFileContent { ImageFile = new ImageFile { FileId = ImageFile?.FileId, Detail = ImageFile?.Detail is { } d ? (MessageImageDetail?)new MessageImageDetail(d) : null } },
                "image_url" => new MessageImageUrlContent { ImageUrl = new ImageUrl { Url = ImageUrl?.Url, Detail = ImageUrl?.Detail is { } d ? (MessageImageDetail?)new MessageImageDetail(d) : null } },
                _ => new MessageTextContent { Text = new MessageText { Value = _text?.ToString() ?? string.Empty, Annotations = BuildAnnotations() } },
            };
        }

        private void CopyFullAnnotations()
        {
            if ((Full as MessageTextContent)?.Text?.Annotations is not { } existing)
            {
                return;
            }

            for (int i = 0; i < existing.Count; i++)
            {
                _annotations[i] = existing[i];
            }
        }

        private List<TextAnnotation> BuildAnnotations()
        {
            List<TextAnnotation> result = new(_annotations.Count);
            foreach (object delta in _annotations.Values)
            {
                result.Add(delta switch
                {
                    TextAnnotation full => full,
                    FileCitationAnnotationDelta c => new FileCitationAnnotation { Text = c.Text, StartIndex = c.StartIndex, EndIndex = c.EndIndex, FileCitation = new FileCitation { FileId = c.FileCitation?.FileId } },
                    FilePathAnnotationDelta p => new FilePathAnnotation { Text = p.Text, StartIndex = p.StartIndex, EndIndex = p.EndIndex, FilePath = new FilePath { FileId = p.FilePath?.FileId } },
                    _ => new UnknownTextAnnotation(((UnknownTextAnnotationDelta)delta).Raw),
                });
            }

            return result;
        }
    }
}
