using System.Text.Json.Serialization;

namespace Assistants.Client;

/// <summary>How a thread is truncated before a run builds the model's context.</summary>
public sealed class RunTruncationStrategy : JsonModel
{
    /// <summary>Gets or sets the strategy type.</summary>
    /// <value>The default is <c>null</c> (left out, also when the server left it out); <see cref="Auto"/> and
    /// <see cref="CreateLastMessages(int)"/> set it.</value>
    [JsonPropertyName("type")]
    public RunTruncationStrategyType? Type { get; set; }

    /// <summary>Gets or sets how many of the most recent messages are kept, for <see cref="RunTruncationStrategyType.LastMessages"/>.</summary>
    /// <value>The default is <c>null</c>.</value>
    [JsonPropertyName("last_messages")]
    public int? LastMessages { get; set; }

    /// <summary>Gets the <c>auto</c> strategy.</summary>
    public static RunTruncationStrategy Auto => new() { Type = RunTruncationStrategyType.Auto };

    /// <summary>Creates a strategy that keeps only the most recent messages.</summary>
    /// <param name="lastMessages">How many messages to keep (at least 1).</param>
    /// <returns>The strategy.</returns>
    /// <exception cref="System.ArgumentOutOfRangeException"><paramref name="lastMessages"/> is less than 1.</exception>
    public static RunTruncationStrategy CreateLastMessages(int lastMessages)
    {
        if (lastMessages < 1)
        {
            throw new System.ArgumentOutOfRangeException(nameof(lastMessages), lastMessages, "At least one message must be kept.");
        }

        return new RunTruncationStrategy { Type = RunTruncationStrategyType.LastMessages, LastMessages = lastMessages };
    }
}
