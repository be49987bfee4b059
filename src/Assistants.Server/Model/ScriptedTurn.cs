using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.Extensions.AI;

namespace Assistants.Server.Model;

/// <summary>One answer of the <see cref="ScriptedChatClient"/>: reply text, one or more function calls, or a failure.</summary>
public sealed class ScriptedTurn
{
    private readonly List<DataContent> _codeOutputFiles = [];
    private readonly TaskCompletionSource _started = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private ScriptedTurn(string? text, IReadOnlyList<KeyValuePair<string, string>> calls, Exception? exception)
    {
        Text = text;
        FunctionCalls = calls;
        Exception = exception;
    }

    /// <summary>Gets the reply text, or <see langword="null"/> when the turn calls functions or fails.</summary>
    public string? Text { get; }

    /// <summary>Gets the function calls of the turn as pairs of function name and JSON arguments.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> FunctionCalls { get; }

    /// <summary>Gets the exception the model throws for this turn, if any.</summary>
    public Exception? Exception { get; }

    /// <summary>Gets a task that completes when the model starts answering with this turn.</summary>
    public Task Started => _started.Task;

    /// <summary>Gets the task the model awaits before it answers; <see langword="null"/> answers at once.</summary>
    public Task? Release { get; private set; }

    /// <summary>Creates a turn that answers with <paramref name="text"/>, streamed word by word.</summary>
    /// <param name="text">The reply text.</param>
    /// <returns>The turn.</returns>
    public static ScriptedTurn Reply(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return new ScriptedTurn(text, [], null);
    }

    /// <summary>Creates a turn that calls one function.</summary>
    /// <param name="name">The function name.</param>
    /// <param name="argumentsJson">The arguments, as a JSON object.</param>
    /// <returns>The turn.</returns>
    public static ScriptedTurn CallFunction(string name, string argumentsJson = "{}") =>
        CallFunctions(new KeyValuePair<string, string>(name, argumentsJson));

    /// <summary>Creates a turn that calls several functions in parallel.</summary>
    /// <param name="calls">Pairs of function name and JSON arguments.</param>
    /// <returns>The turn.</returns>
    public static ScriptedTurn CallFunctions(params KeyValuePair<string, string>[] calls)
    {
        ArgumentNullException.ThrowIfNull(calls);
        return new ScriptedTurn(null, calls.ToArray(), null);
    }

    /// <summary>
    /// Creates a turn in which the model runs <paramref name="code"/> in its provider's code interpreter (which prints
    /// <paramref name="logs"/>), then answers with <paramref name="reply"/>. The server records a <c>code_interpreter</c>
    /// tool call; it never runs the code itself.
    /// </summary>
    /// <param name="code">The code the interpreter runs; streamed in small fragments.</param>
    /// <param name="logs">What the code printed.</param>
    /// <param name="reply">The answer written after the code ran.</param>
    /// <returns>The turn.</returns>
    public static ScriptedTurn RunCode(string code, string logs, string reply)
    {
        ArgumentNullException.ThrowIfNull(code);
        ArgumentNullException.ThrowIfNull(logs);
        ArgumentNullException.ThrowIfNull(reply);
        return new ScriptedTurn(reply, [], null) { Code = code, CodeLogs = logs };
    }

    /// <summary>Gets the code this turn runs in the code interpreter, or <see langword="null"/>.</summary>
    public string? Code { get; private init; }

    /// <summary>Gets what the code printed, or <see langword="null"/>.</summary>
    public string? CodeLogs { get; private init; }

    /// <summary>Gets the files the code wrote: images become <c>image</c> outputs, other files <c>file_path</c> annotations.</summary>
    public IReadOnlyList<DataContent> CodeOutputFiles => _codeOutputFiles;

    /// <summary>
    /// Adds a file the code writes (a turn made by <see cref="RunCode"/>): an image becomes an <c>image</c> output of the
    /// call; any other file is stored and linked from the reply wherever it says <c>sandbox:/mnt/data/</c> plus the name.
    /// </summary>
    /// <param name="name">The file name.</param>
    /// <param name="mediaType">The media type, e.g. <c>image/png</c> or <c>text/csv</c>.</param>
    /// <param name="content">The bytes.</param>
    /// <returns>This turn.</returns>
    public ScriptedTurn WithCodeOutputFile(string name, string mediaType, byte[] content)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(mediaType);
        ArgumentNullException.ThrowIfNull(content);
        if (Code is null)
        {
            throw new InvalidOperationException("Only a turn made by ScriptedTurn.RunCode writes files.");
        }

        _codeOutputFiles.Add(new DataContent(content, mediaType) { Name = name });
        return this;
    }

    /// <summary>Creates a turn in which the model throws <paramref name="exception"/>, which fails the run.</summary>
    /// <param name="exception">The exception to throw.</param>
    /// <returns>The turn.</returns>
    public static ScriptedTurn Throw(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return new ScriptedTurn(null, [], exception);
    }

    /// <summary>Makes the model wait for <paramref name="release"/> before answering, so a test can observe a run in progress.</summary>
    /// <param name="release">The task to await.</param>
    /// <returns>This turn.</returns>
    public ScriptedTurn HeldUntil(Task release)
    {
        Release = release;
        return this;
    }

    /// <summary>
    /// Makes a held turn (<see cref="HeldUntil"/>) notice a cancellation only once <see cref="Release"/> completes, as
    /// a model that is slow to stop would: a run cancelled meanwhile stays <c>cancelling</c> until then, and ends
    /// <c>cancelled</c> after.
    /// </summary>
    /// <returns>This turn.</returns>
    public ScriptedTurn HeldThroughCancellation()
    {
        IgnoresCancellationWhileHeld = true;
        return this;
    }

    /// <summary>Gets whether the model waits for <see cref="Release"/> even after the run was cancelled.</summary>
    public bool IgnoresCancellationWhileHeld { get; private set; }

    internal void MarkStarted() => _started.TrySetResult();
}
