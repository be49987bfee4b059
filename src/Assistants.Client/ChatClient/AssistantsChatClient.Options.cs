using System.Collections.Generic;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.AI;

namespace Assistants.Client.Internal;

/// <summary>ChatOptions as run overrides.</summary>
internal sealed partial class AssistantsChatClient
{
    /// <summary>
    /// The run's options: <see cref="ChatOptions.RawRepresentationFactory"/>'s <see cref="RunCreationOptions"/> (or new
    /// ones), each override the caller left unset taken from the <see cref="ChatOptions"/>, the new messages and the
    /// system instructions. Options with no counterpart in the protocol (seed, stop sequences, penalties, top-k) are not sent.
    /// </summary>
    private async Task<RunCreationOptions> CreateRunOptionsAsync(ChatRequest request, ChatOptions? options, CancellationToken cancellationToken)
    {
        RunCreationOptions run = options?.RawRepresentationFactory?.Invoke(this) as RunCreationOptions ?? new RunCreationOptions();
        if (options is not null)
        {
            run.Model ??= options.ModelId;
            run.Temperature ??= ToDouble(options.Temperature);
            run.TopP ??= ToDouble(options.TopP);
            run.MaxCompletionTokens ??= options.MaxOutputTokens;
            run.ParallelToolCalls ??= options.AllowMultipleToolCalls;
            run.ToolChoice ??= ChatToolMapping.ToToolChoice(options.ToolMode);
            run.ResponseFormat ??= ChatToolMapping.ToResponseFormat(options.ResponseFormat);
            if (options.Tools is { Count: > 0 } tools && run.Tools is null)
            {
                // A run's tools replace the assistant's; the caller asked to add, so the assistant's come first.
                _assistantTools ??= (await _client.Assistants.GetAsync(_assistantId, cancellationToken).ConfigureAwait(false)).Tools ?? new List<ToolDefinition>();
                run.Tools = ChatToolMapping.Merge(_assistantTools, tools);
            }
        }

        if (request.Instructions is { } instructions)
        {
            run.AdditionalInstructions = run.AdditionalInstructions is { Length: > 0 } given ? given + "\n\n" + instructions : instructions;
        }

        if (request.Messages.Count > 0)
        {
            List<ThreadInitializationMessage> messages = new(run.AdditionalMessages ?? new List<ThreadInitializationMessage>());
            messages.AddRange(request.Messages);
            run.AdditionalMessages = messages;
        }

        return run;
    }

    /// <summary>A float as the double it reads as (0.7f as 0.7, not 0.699999988), so the wire carries what the caller wrote.</summary>
    private static double? ToDouble(float? value)
        => value is { } v ? double.Parse(v.ToString("R", CultureInfo.InvariantCulture), NumberStyles.Float, CultureInfo.InvariantCulture) : null;
}
