using System.Text.Json.Serialization;

namespace Assistants.Client;

/// <summary>The details of a streamed message creation step (<c>type: message_creation</c>).</summary>
public sealed class RunStepMessageCreationDeltaDetails : RunStepDeltaDetails
{
    /// <summary>Initializes an empty delta part of type <c>message_creation</c>.</summary>
    public RunStepMessageCreationDeltaDetails()
        : base("message_creation")
    {
    }

    /// <summary>Gets the message the step creates.</summary>
    [JsonPropertyName("message_creation")]
    public RunStepMessageCreationDelta? MessageCreation { get; init; }
}
