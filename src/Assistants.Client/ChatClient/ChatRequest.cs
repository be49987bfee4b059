using System.Collections.Generic;

namespace Assistants.Client.Internal;

/// <summary>What one <c>IChatClient</c> call asks of the thread: new messages, instructions, or tool outputs for a waiting run.</summary>
internal sealed class ChatRequest
{
    /// <summary>Gets the user and assistant messages to add to the thread, oldest first.</summary>
    public List<ThreadInitializationMessage> Messages { get; } = new();

    /// <summary>Gets or sets the system and developer messages (and <c>ChatOptions.Instructions</c>), joined: the run's <c>additional_instructions</c>.</summary>
    public string? Instructions { get; set; }

    /// <summary>Gets or sets the run the function results answer, or <c>null</c> when there are none.</summary>
    public string? ToolRunId { get; set; }

    /// <summary>Gets the function results as tool outputs of <see cref="ToolRunId"/>.</summary>
    public List<ToolOutput> ToolOutputs { get; } = new();
}
