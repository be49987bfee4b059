using System.Text.Json.Serialization;

namespace Assistants.Client;

/// <summary>The details of a step that created a message (<c>message_creation</c>).</summary>
public sealed class RunStepMessageCreationDetails : RunStepDetails
{
    /// <summary>Initializes an empty value, as deserialization and tests build it.</summary>
    public RunStepMessageCreationDetails()
        : base("message_creation")
    {
    }

    /// <summary>Gets the message the step created.</summary>
    [JsonPropertyName("message_creation")]
    public RunStepMessageCreation? MessageCreation { get; init; }

    /// <summary>Gets the id of the message the step created.</summary>
    [JsonIgnore]
    public string? MessageId => MessageCreation?.MessageId;
}
