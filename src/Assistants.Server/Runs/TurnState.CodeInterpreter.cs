using System.Collections.Generic;
using System.Text.Json.Nodes;

namespace Assistants.Server.Runs;

/// <summary>
/// The code interpreter calls of a turn: one <c>tool_calls</c> step whose calls stream their input in fragments and
/// their outputs in one delta, completed before the answer's message starts (the service's order), and the files the
/// code wrote, linked from the answer by <c>file_path</c> annotations.
/// </summary>
internal sealed partial class TurnState
{
    /// <summary>Where a file written by the interpreter appears in an answer, as the service's sandbox links show it.</summary>
    public const string SandboxPrefix = "sandbox:/mnt/data/";

    private readonly Dictionary<string, int> _codeCalls = [];
    private readonly List<KeyValuePair<string, string>> _writtenFiles = [];
    private JsonObject? _codeStep;

    /// <summary>Appends a fragment of a code interpreter call's input, opening its step and call as needed.</summary>
    public void AddCodeInput(string callId, string fragment)
    {
        JsonObject call = CodeCall(callId, out int index, out _);
        JsonObject interpreter = (JsonObject)call["code_interpreter"]!;
        interpreter["input"] = (string?)interpreter["input"] + fragment;
        EstimatedOutputTokens++;
        run.StepChanged(_codeStep!);
        if (fragment.Length == 0)
        {
            return;
        }

        EmitCodeDelta(new JsonObject
        {
            ["index"] = index,
            ["type"] = "code_interpreter",
            ["code_interpreter"] = new JsonObject { ["input"] = fragment },
        });
    }

    /// <summary>Records a call's outputs (<c>logs</c> and <c>image</c> objects, without their indexes) in one delta.</summary>
    public void AddCodeOutputs(string callId, IReadOnlyList<JsonObject> outputs, IReadOnlyList<KeyValuePair<string, string>> writtenFiles)
    {
        JsonObject call = CodeCall(callId, out int index, out _);
        JsonArray stored = (JsonArray)call["code_interpreter"]!["outputs"]!;
        JsonArray delta = [];
        foreach (JsonObject output in outputs)
        {
            JsonObject indexed = (JsonObject)output.DeepClone();
            indexed.Insert(0, "index", stored.Count);
            delta.Add((JsonNode)indexed);
            stored.Add((JsonNode)output.DeepClone());
        }

        _writtenFiles.AddRange(writtenFiles);
        run.StepChanged(_codeStep!);
        if (delta.Count > 0)
        {
            EmitCodeDelta(new JsonObject
            {
                ["index"] = index,
                ["type"] = "code_interpreter",
                ["code_interpreter"] = new JsonObject { ["outputs"] = delta },
            });
        }
    }

    private JsonObject CodeCall(string callId, out int index, out bool created)
    {
        _codeStep ??= NewStep("tool_calls", new JsonObject { ["type"] = "tool_calls", ["tool_calls"] = new JsonArray() });
        JsonArray calls = (JsonArray)_codeStep["step_details"]!["tool_calls"]!;
        created = !_codeCalls.TryGetValue(callId, out index);
        if (created)
        {
            index = calls.Count;
            _codeCalls[callId] = index;
            calls.Add((JsonNode)new JsonObject
            {
                ["id"] = callId,
                ["type"] = "code_interpreter",
                ["code_interpreter"] = new JsonObject { ["input"] = "", ["outputs"] = new JsonArray() },
            });
            EmitCodeDelta(new JsonObject
            {
                ["index"] = index,
                ["id"] = callId,
                ["type"] = "code_interpreter",
                ["code_interpreter"] = new JsonObject { ["input"] = "", ["outputs"] = new JsonArray() },
            });
        }

        return (JsonObject)calls[index]!;
    }

    private void CompleteCodeStep()
    {
        if (_codeStep is null || (string?)_codeStep["status"] != RunStatus.InProgress)
        {
            return;
        }

        _codeStep["status"] = "completed";
        _codeStep["completed_at"] = store.Now();
        run.StepChanged(_codeStep);
        Emit("thread.run.step.completed", _codeStep);
    }

    /// <summary>A turn's usage goes to its first step: the code interpreter's, when the turn ran code.</summary>
    private bool UsageOnCodeStep(JsonObject usage)
    {
        if (_codeStep is null)
        {
            return false;
        }

        _codeStep["usage"] = usage.DeepClone();
        run.StepChanged(_codeStep);
        return true;
    }

    /// <summary>
    /// Where the next link to a file the code wrote starts in <paramref name="held"/> (-1: none): a whole link
    /// (<paramref name="fullLink"/>, the longest at that place, with its file id), or the start of one that the next
    /// text may complete (<paramref name="fullLink"/> null, unless <paramref name="final"/> settles on a whole link).
    /// </summary>
    private int FindLink(string held, bool final, out string? fullLink, out string? fileId)
    {
        (fullLink, fileId) = (null, null);
        int best = -1;
        bool partialAtBest = false;
        foreach ((string name, string id) in _writtenFiles)
        {
            string link = SandboxPrefix + name;
            int full = held.IndexOf(link, System.StringComparison.Ordinal);
            if (full >= 0 && (best < 0 || full < best || (full == best && link.Length > (fullLink?.Length ?? 0))))
            {
                partialAtBest &= full == best;
                (best, fullLink, fileId) = (full, link, id);
            }

            int partial = PartialStart(held, link);
            if (partial >= 0 && (best < 0 || partial <= best))
            {
                if (partial < best || best < 0)
                {
                    (fullLink, fileId) = (null, null);
                }

                (best, partialAtBest) = (partial, true);
            }
        }

        if (partialAtBest && !final)
        {
            (fullLink, fileId) = (null, null);
        }

        return best;
    }

    /// <summary>Where the longest end of <paramref name="held"/> that begins <paramref name="link"/> (and is shorter) starts, or -1.</summary>
    private static int PartialStart(string held, string link)
    {
        for (int length = System.Math.Min(held.Length, link.Length - 1); length > 0; length--)
        {
            if (string.CompareOrdinal(held, held.Length - length, link, 0, length) == 0)
            {
                return held.Length - length;
            }
        }

        return -1;
    }

    private void EmitCodeDelta(JsonObject call) => Emit("thread.run.step.delta", new JsonObject
    {
        ["id"] = (string)_codeStep!["id"]!,
        ["object"] = "thread.run.step.delta",
        ["delta"] = new JsonObject
        {
            ["step_details"] = new JsonObject { ["type"] = "tool_calls", ["tool_calls"] = new JsonArray(call) },
        },
    });
}
