using System.Collections.Generic;
using System.Text.Json.Serialization;
using Assistants.Client.Internal;

namespace Assistants.Client;

/// <summary>A file attached to a message and the tools that may read it (<c>code_interpreter</c>, <c>file_search</c>).</summary>
public sealed class MessageAttachment : JsonModel
{
    /// <summary>Initializes an empty attachment.</summary>
    public MessageAttachment()
    {
    }

    /// <summary>Initializes an attachment of a file for the given tools.</summary>
    /// <param name="fileId">The id of the file.</param>
    /// <param name="tools">The tools that may read it, such as <see cref="ToolDefinition.CreateFileSearch"/>.</param>
    /// <exception cref="System.ArgumentException"><paramref name="fileId"/> is null or empty.</exception>
    public MessageAttachment(string fileId, IEnumerable<ToolDefinition>? tools = null)
    {
        Argument.Id(fileId, nameof(fileId));
        FileId = fileId;
        Tools = tools is null ? null : new List<ToolDefinition>(tools);
    }

    /// <summary>Gets or sets the id of the attached file.</summary>
    /// <value>The default is <c>null</c>.</value>
    [JsonPropertyName("file_id")]
    public string? FileId { get; set; }

    /// <summary>Gets or sets the tools that may read the file (<c>{"type":"code_interpreter"}</c>, <c>{"type":"file_search"}</c>).</summary>
    /// <value>The default is <c>null</c>: not sent.</value>
    [JsonPropertyName("tools")]
    public IList<ToolDefinition>? Tools { get; set; }
}
