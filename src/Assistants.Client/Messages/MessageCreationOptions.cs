using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace Assistants.Client;

/// <summary>The optional parts of a new message; the role and content are parameters of <see cref="MessagesClient.CreateAsync(string, MessageRole, string, MessageCreationOptions?, System.Threading.CancellationToken)"/>.</summary>
public class MessageCreationOptions : JsonModel
{
    /// <summary>Gets or sets the files attached to the message and the tools that may read them.</summary>
    /// <value>The default is <c>null</c>: not sent.</value>
    [JsonPropertyName("attachments")]
    public IList<MessageAttachment>? Attachments { get; set; }

    /// <summary>Gets or sets up to 16 key-value pairs (keys up to 64, values up to 512 characters).</summary>
    /// <value>The default is <c>null</c>: not sent.</value>
    [JsonPropertyName("metadata")]
    public IDictionary<string, string>? Metadata { get; set; }
}
