using System.Collections.Generic;

namespace Assistants.Client;

/// <summary>A <c>thread.run.step.delta</c> event: part of a run step (a tool call's arguments, code, output) as it streams.</summary>
/// <remarks>
/// The common delta (one function call's arguments fragment) is read by a fast path that keeps only the step id and
/// the tool call delta; <see cref="Delta"/> then builds the full model on first access. Both views describe the same event.
/// </remarks>
public sealed class RunStepDeltaUpdate : StreamingUpdate
{
    private readonly string? _runStepId;
    private readonly RunStepToolCallDelta? _fastCall;
    private RunStepDelta? _delta;

    /// <summary>Initializes the update from its delta.</summary>
    /// <param name="delta">The run step delta.</param>
    /// <exception cref="System.ArgumentNullException"><paramref name="delta"/> is null.</exception>
    public RunStepDeltaUpdate(RunStepDelta delta)
        : base(StreamingEventType.RunStepDelta)
    {
        _delta = delta ?? throw new System.ArgumentNullException(nameof(delta));
        _runStepId = delta.Id;
    }

    internal RunStepDeltaUpdate(string? runStepId, RunStepToolCallDelta call)
        : base(StreamingEventType.RunStepDelta)
    {
        _runStepId = runStepId;
        _fastCall = call;
    }

    /// <summary>Gets the id of the run step that changed.</summary>
    public string? RunStepId => _runStepId;

    /// <summary>Gets the delta.</summary>
    public RunStepDelta Delta => _delta ??= Materialize();

    /// <summary>
    /// Gets the function arguments this delta appends (its function calls' fragments, in order), or <c>null</c> when it
    /// carries none. On the common event (one function call's fragment) this allocates nothing.
    /// </summary>
    public string? FunctionArguments
    {
        get
        {
            if (_fastCall is not null)
            {
                return (_fastCall as RunStepFunctionToolCallDelta)?.Function?.Arguments;
            }

            string? single = null;
            System.Text.StringBuilder? builder = null;
            IReadOnlyList<RunStepToolCallDelta> calls = (_delta!.Delta?.StepDetails as RunStepToolCallsDeltaDetails)?.ToolCalls ?? System.Array.Empty<RunStepToolCallDelta>();
            foreach (RunStepToolCallDelta call in calls)
            {
                if (call is RunStepFunctionToolCallDelta { Function.Arguments: { } arguments })
                {
                    if (single is null)
                    {
                        single = arguments;
                    }
                    else
                    {
                        (builder ??= new System.Text.StringBuilder(single)).Append(arguments);
                    }
                }
            }

            return builder?.ToString() ?? single;
        }
    }

    /// <summary>The single tool call delta when the fast path read this event; no allocation.</summary>
    internal bool TryGetFastCall(out RunStepToolCallDelta call)
    {
        call = _fastCall!;
        return _fastCall is not null;
    }

    private RunStepDelta Materialize() => new()
    {
        Id = _runStepId,
        Object = "thread.run.step.delta",
        Delta = new RunStepDeltaPayload
        {
            StepDetails = new RunStepToolCallsDeltaDetails { ToolCalls = new[] { _fastCall! } },
        },
    };
}
