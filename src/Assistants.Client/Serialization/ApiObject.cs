using System.Text.Json.Serialization;

namespace Assistants.Client;

/// <summary>A model returned on its own by an operation; it carries the details of the HTTP response.</summary>
public abstract class ApiObject : JsonModel
{
    /// <summary>Gets the status, request id and headers of the response this object came from.</summary>
    /// <value><c>null</c> when the object was built in code or read from a list page (see <see cref="Page{T}.Response"/>).</value>
    [JsonIgnore]
    public ResponseInfo? Response { get; internal set; }
}
