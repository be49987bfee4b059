using System.Collections.Generic;
using System.Linq;
using Assistants.Client.Internal;

namespace Assistants.Client;

/// <summary>How each event updates the snapshots and which callbacks it raises.</summary>
public abstract partial class AssistantEventHandler
{
    private void Dispatch(StreamingUpdate update)
    {
        OnEvent(update);
        switch (update)
        {
            case MessageDeltaUpdate delta:
                HandleMessageDelta(delta);
                break;
            case RunStepDeltaUpdate delta:
                HandleRunStepDelta(delta);
                break;
            case RunUpdate run:
                HandleRun(run.Run);
                break;
            case RunStepUpdate step:
                HandleRunStep(step);
                break;
            case MessageUpdate message:
                HandleMessage(message);
                break;
            case ThreadCreatedUpdate thread:
                CurrentThread = thread.Thread;
                break;
            case UnknownStreamingUpdate unknown:
                OnUnknownEvent(unknown);
                break;
        }
    }

    private void HandleRun(ThreadRun run)
    {
        bool changed = CurrentRun is null || CurrentRun.Status != run.Status;
        CurrentRun = run;
        if (run.Status == RunStatus.RequiresAction || run.Status?.IsTerminal == true)
        {
            CloseOpenToolCalls();
        }

        if (run.Status?.IsTerminal == true)
        {
            FinalRun = run;
        }

        if (changed)
        {
            OnRunStatusChanged(run);
        }
    }

    private void HandleRunStep(RunStepUpdate update)
    {
        RunStep step = update.RunStep;
        bool created = !_steps.TryGetValue(step.Id, out RunStepSnapshotBuilder? builder);
        if (created)
        {
            builder = new RunStepSnapshotBuilder(step);
            _steps[step.Id] = builder;
        }

        _currentStep = builder;
        bool ended = step.Status == RunStepStatus.Completed || step.Status == RunStepStatus.Failed
            || step.Status == RunStepStatus.Cancelled || step.Status == RunStepStatus.Expired;
        if (ended)
        {
            // The final step carries the calls in full (with outputs); close any still open with that content.
            builder!.Reset(step);
            CloseOpenToolCalls(builder);
            _finalSteps.RemoveAll(s => s.Id == step.Id);
            _finalSteps.Add(step);
            OnRunStepDone(step);
            return;
        }

        if (created || update.EventType == StreamingEventType.RunStepCreated)
        {
            OnRunStepCreated(step);
        }
    }

    private void HandleRunStepDelta(RunStepDeltaUpdate update)
    {
        string id = update.RunStepId ?? _currentStep?.Id ?? string.Empty;
        if (!_steps.TryGetValue(id, out RunStepSnapshotBuilder? builder))
        {
            builder = new RunStepSnapshotBuilder(new RunStep { Id = id });
            _steps[id] = builder;
        }

        _currentStep = builder;
        if (update.TryGetFastCall(out RunStepToolCallDelta fast))
        {
            // The common event, one function call fragment: no list, no model of the whole delta.
            bool created = ApplyToolCall(builder, fast);
            OnRunStepDelta(update);
            RaiseToolCall(builder, fast, created);
            return;
        }

        List<(RunStepToolCallDelta Delta, bool Created)>? calls = null;
        if (update.Delta.Delta?.StepDetails is RunStepToolCallsDeltaDetails { ToolCalls: { } toolCalls })
        {
            calls = new(toolCalls.Count);
            foreach (RunStepToolCallDelta call in toolCalls)
            {
                calls.Add((call, ApplyToolCall(builder, call)));
            }
        }

        OnRunStepDelta(update);
        foreach ((RunStepToolCallDelta call, bool created) in calls ?? Enumerable.Empty<(RunStepToolCallDelta, bool)>())
        {
            RaiseToolCall(builder, call, created);
        }
    }

    private bool ApplyToolCall(RunStepSnapshotBuilder builder, RunStepToolCallDelta call)
    {
        int previous = builder.CurrentCallIndex;
        bool created = builder.Apply(call);
        if (created && previous >= 0 && previous != call.Index)
        {
            CloseToolCall(builder, previous);
        }

        return created;
    }

    private void RaiseToolCall(RunStepSnapshotBuilder builder, RunStepToolCallDelta call, bool created)
    {
        if (created)
        {
            OnToolCallCreated(builder.BuildCall(call.Index));
        }
        else
        {
            OnToolCallDelta(call, builder.Call(call.Index));
        }
    }

    private void CloseOpenToolCalls()
    {
        foreach (RunStepSnapshotBuilder builder in _steps.Values)
        {
            CloseOpenToolCalls(builder);
        }
    }

    private void CloseOpenToolCalls(RunStepSnapshotBuilder builder)
    {
        foreach (int index in new List<int>(builder.CallIndexes))
        {
            CloseToolCall(builder, index);
        }
    }

    private void CloseToolCall(RunStepSnapshotBuilder builder, int index)
    {
        if (builder.DoneCalls.Add(index))
        {
            OnToolCallDone(builder.BuildCall(index));
        }
    }

    private void HandleMessage(MessageUpdate update)
    {
        ThreadMessage message = update.Message;
        if (!_messages.TryGetValue(message.Id, out MessageSnapshotBuilder? builder))
        {
            builder = new MessageSnapshotBuilder(message);
            _messages[message.Id] = builder;
            _currentMessage = builder;
            OnMessageCreated(message);
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
                OnTextDone(text, i);
            }
            else if (content[i] is MessageImageFileContent { ImageFile: { } image })
            {
                OnImageFileDone(image, i);
            }
        }

        _finalMessages.RemoveAll(m => m.Id == message.Id);
        _finalMessages.Add(message);
        OnMessageDone(message);
    }

    private void HandleMessageDelta(MessageDeltaUpdate update)
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
            OnMessageDelta(update);
            RaiseText(created, index, text);
            return;
        }

        List<(int Index, bool Created, string? Text)> parts = new();
        foreach (MessageContentDelta part in update.Delta.Delta?.Content ?? System.Array.Empty<MessageContentDelta>())
        {
            bool created = builder.Apply(part);
            parts.Add((part.Index, created && part is MessageTextContentDelta, (part as MessageTextContentDelta)?.Text?.Value));
        }

        OnMessageDelta(update);
        foreach ((int partIndex, bool created, string? partText) in parts)
        {
            if (partText is not null || created)
            {
                RaiseText(created, partIndex, partText ?? string.Empty);
            }
        }
    }

    private void RaiseText(bool created, int index, string text)
    {
        if (created)
        {
            OnTextCreated(index);
        }

        _textQueue?.Add(text);
        OnTextDelta(text, index);
    }
}
