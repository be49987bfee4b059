using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using System.Threading;
using System.Threading.Tasks;
using Assistants.Client.Internal;
using Assistants.Client.Telemetry;

namespace Assistants.Client;

/// <summary>
/// The .NET functions a run may call, by name, and their execution: the tool loop of
/// <see cref="RunsClient.RunToolLoopAsync"/> and <see cref="RunsClient.StreamToolLoopAsync"/> both run a <c>requires_action</c> round
/// through <see cref="ExecuteAsync"/>. Delegates only, no reflection, so it works under NativeAOT.
/// </summary>
/// <remarks>
/// Several calls in one round run in parallel and their outputs come back in the order of the calls. A function
/// that throws, and a call to a name that is not registered, give the model an error output
/// (<c>{"error": "..."}</c>, see <see cref="ErrorOutput"/>) instead of ending the run, unless
/// <see cref="ThrowOnError"/> is set. Each function's <see cref="CancellationToken"/> fires when the caller cancels
/// and when the run's <c>expires_at</c> passes.
/// </remarks>
public sealed class FunctionToolRegistry
{
    private static readonly TimeSpan s_longestExpiry = TimeSpan.FromDays(30);

    private readonly Dictionary<string, Func<string, CancellationToken, Task<string>>> _functions = new(StringComparer.Ordinal);

    /// <summary>Gets the registered function names.</summary>
    public IReadOnlyCollection<string> Names => _functions.Keys;

    /// <summary>Gets or sets whether a throwing or unknown function ends the loop with <see cref="FunctionToolException"/> instead of giving the model an error output.</summary>
    /// <value>The default is <c>false</c>: the model sees the error and can recover.</value>
    public bool ThrowOnError { get; set; }

    /// <summary>
    /// Gets or sets the output given to the model for a failed call: the call and what the function threw
    /// (<c>null</c> for a function that is not registered).
    /// </summary>
    /// <value>The default is <c>null</c>: <c>{"error": "Function 'name' failed: ExceptionType: message"}</c> or <c>{"error": "Unknown function 'name'. ..."}</c>.</value>
    public Func<RequiredToolCall, Exception?, string>? ErrorOutput { get; set; }

    /// <summary>
    /// Gets or sets the callback the tool loops ask when a run waits at <c>submit_tool_approval</c> (Foundry: an MCP
    /// tool that asks for approval): called once per <see cref="ToolApprovalRequest"/>, in order; the answers go back
    /// in one <see cref="RunsClient.SubmitToolApprovalsAsync"/> (or its streaming form) and the loop goes on.
    /// </summary>
    /// <value>
    /// The default is <c>null</c>: a run that asks for approval ends the loop, which returns the run at
    /// <c>requires_action</c> with <see cref="RunRequiredAction.SubmitToolApproval"/> set (no exception), for the
    /// caller to answer with <see cref="RunsClient.SubmitToolApprovalsAsync"/>.
    /// </value>
    /// <remarks>The run's <c>expires_at</c> does not cancel the callback (an approval may wait for a person); a submit after expiry is refused by the server.</remarks>
    public Func<ToolApprovalRequest, CancellationToken, Task<ToolApproval>>? ToolApprovalCallback { get; set; }

    /// <summary>Registers a function over the raw JSON arguments the model wrote.</summary>
    /// <param name="name">The function name, as declared in the assistant's function tool.</param>
    /// <param name="function">Takes the JSON arguments and a token; returns the output given to the model.</param>
    /// <returns>This registry, for chaining.</returns>
    /// <exception cref="ArgumentException"><paramref name="name"/> is null, empty or already registered.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="function"/> is null.</exception>
    public FunctionToolRegistry Add(string name, Func<string, CancellationToken, Task<string>> function)
    {
        Argument.NotNullOrEmpty(name, nameof(name));
        Argument.NotNull(function, nameof(function));
        if (_functions.ContainsKey(name))
        {
            throw new ArgumentException($"A function named '{name}' is already registered.", nameof(name));
        }

        _functions.Add(name, function);
        return this;
    }

    /// <summary>Registers a synchronous function over the raw JSON arguments.</summary>
    /// <param name="name">The function name.</param>
    /// <param name="function">Takes the JSON arguments; returns the output given to the model.</param>
    /// <returns>This registry, for chaining.</returns>
    /// <exception cref="ArgumentException"><paramref name="name"/> is null, empty or already registered.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="function"/> is null.</exception>
    public FunctionToolRegistry Add(string name, Func<string, string> function)
    {
        Argument.NotNull(function, nameof(function));
        return Add(name, (arguments, _) => Task.FromResult(function(arguments)));
    }

    /// <summary>Registers a function whose arguments are read into <typeparamref name="TArguments"/> through source-generated JSON metadata.</summary>
    /// <typeparam name="TArguments">The arguments type.</typeparam>
    /// <param name="name">The function name.</param>
    /// <param name="argumentsTypeInfo">The metadata for <typeparamref name="TArguments"/>, from the caller's <c>JsonSerializerContext</c>.</param>
    /// <param name="function">Takes the arguments and a token; returns the output given to the model. Arguments that do not parse count as a failed call.</param>
    /// <returns>This registry, for chaining.</returns>
    /// <exception cref="ArgumentException"><paramref name="name"/> is null, empty or already registered.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="argumentsTypeInfo"/> or <paramref name="function"/> is null.</exception>
    public FunctionToolRegistry Add<TArguments>(string name, JsonTypeInfo<TArguments> argumentsTypeInfo, Func<TArguments, CancellationToken, Task<string>> function)
    {
        Argument.NotNull(argumentsTypeInfo, nameof(argumentsTypeInfo));
        Argument.NotNull(function, nameof(function));
        return Add(name, (arguments, cancellationToken) =>
        {
            TArguments value = JsonSerializer.Deserialize(string.IsNullOrWhiteSpace(arguments) ? "{}" : arguments, argumentsTypeInfo)
                ?? throw new JsonException("The arguments are the JSON literal null.");
            return function(value, cancellationToken);
        });
    }

    /// <summary>Gets whether a function of this name is registered.</summary>
    /// <param name="name">The function name.</param>
    /// <returns><c>true</c> when registered.</returns>
    public bool Contains(string name) => name is not null && _functions.ContainsKey(name);

    /// <summary>Runs the calls of one <c>requires_action</c> round (in parallel when there are several) and returns one output per call, in order, ready for one submit.</summary>
    /// <param name="toolCalls">The run's <c>required_action.submit_tool_outputs.tool_calls</c>.</param>
    /// <param name="expiresAt">The run's <c>expires_at</c>: when it passes, the functions' token fires.</param>
    /// <param name="timeProvider">The clock for <paramref name="expiresAt"/>; <c>null</c> uses <see cref="TimeProvider.System"/>.</param>
    /// <param name="cancellationToken">Cancels the functions.</param>
    /// <returns>The outputs, one per call.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="toolCalls"/> is null.</exception>
    /// <exception cref="FunctionToolException">A function failed or is unknown and <see cref="ThrowOnError"/> is set.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> fired.</exception>
    public async Task<IReadOnlyList<ToolOutput>> ExecuteAsync(IReadOnlyList<RequiredToolCall> toolCalls, DateTimeOffset? expiresAt = null, TimeProvider? timeProvider = null, CancellationToken cancellationToken = default)
        => (await ExecuteRoundAsync(toolCalls, expiresAt, timeProvider ?? TimeProvider.System, cancellationToken).ConfigureAwait(false)).Outputs;

    internal async Task<ToolRound> ExecuteRoundAsync(IReadOnlyList<RequiredToolCall> toolCalls, DateTimeOffset? expiresAt, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        Argument.NotNull(toolCalls, nameof(toolCalls));
        using CancellationTokenSource expiry = CreateExpiry(expiresAt, timeProvider);
        using CancellationTokenSource linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, expiry.Token);
        Task<ToolOutput>[] running = toolCalls
            .Select(call => toolCalls.Count == 1
                ? ExecuteOneAsync(call, expiry, linked.Token, cancellationToken)
                : Task.Run(() => ExecuteOneAsync(call, expiry, linked.Token, cancellationToken), CancellationToken.None))
            .ToArray();
        ToolOutput[] outputs = await Task.WhenAll(running).ConfigureAwait(false);
        return new ToolRound(outputs, expiry.IsCancellationRequested && !cancellationToken.IsCancellationRequested);
    }

    private static CancellationTokenSource CreateExpiry(DateTimeOffset? expiresAt, TimeProvider timeProvider)
    {
        if (expiresAt is not { } at)
        {
            return new CancellationTokenSource();
        }

        TimeSpan remaining = at - timeProvider.GetUtcNow();
        if (remaining > s_longestExpiry)
        {
            // Past what a timer can hold, and no run lives that long: treat as no expiry.
            return new CancellationTokenSource();
        }

        if (remaining <= TimeSpan.Zero)
        {
            CancellationTokenSource expired = new();
            expired.Cancel();
            return expired;
        }

        return TimeoutScope.CreateSource(remaining, timeProvider);
    }

    private static string DefaultError(RequiredToolCall call, Exception? exception)
    {
        string text = exception is null
            ? $"Unknown function '{call.FunctionName}'."
            : $"Function '{call.FunctionName}' failed: {exception.GetType().Name}: {exception.Message}";
        // Relaxed escaping keeps quotes and apostrophes readable for the model; the output is JSON for an API, never HTML.
        return "{\"error\":\"" + JsonEncodedText.Encode(text, JavaScriptEncoder.UnsafeRelaxedJsonEscaping).ToString() + "\"}";
    }

    private async Task<ToolOutput> ExecuteOneAsync(RequiredToolCall call, CancellationTokenSource expiry, CancellationToken token, CancellationToken callerToken)
    {
        string? name = call.FunctionName;
        if (name is null || !_functions.TryGetValue(name, out Func<string, CancellationToken, Task<string>>? function))
        {
            if (ThrowOnError)
            {
                throw new FunctionToolException($"The run called function '{name}', which is not registered (registered: {string.Join(", ", _functions.Keys)}).", call.Id, name);
            }

            return new ToolOutput(call.Id, (ErrorOutput ?? DefaultError)(call, null));
        }

        Activity? span = AgentTelemetry.StartExecuteTool(name, call.Id, call.FunctionArguments);
        try
        {
            token.ThrowIfCancellationRequested();
            string output = await function(call.FunctionArguments ?? "{}", token).ConfigureAwait(false);
            AgentTelemetry.StopExecuteTool(span, output, null);
            return new ToolOutput(call.Id, output ?? string.Empty);
        }
        catch (Exception ex) when (AgentTelemetry.FailExecuteTool(span, ex))
        {
            throw;
        }
        catch (OperationCanceledException) when (callerToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex) when (expiry.IsCancellationRequested || !ThrowOnError)
        {
            Exception reported = expiry.IsCancellationRequested && ex is OperationCanceledException
                ? new TimeoutException("The run expired before the function finished.", ex)
                : ex;
            return new ToolOutput(call.Id, (ErrorOutput ?? DefaultError)(call, reported));
        }
        catch (Exception ex)
        {
            FunctionToolException failure = new($"Function '{name}' (tool call {call.Id}) failed: {ex.Message}", call.Id, name, ex);
            AgentTelemetry.RecordFailure(failure);
            throw failure;
        }
    }
}
