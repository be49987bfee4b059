using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Assistants.Client;

/// <summary>
/// The base of every wire model. Properties this version of the library does not know are kept in
/// <see cref="AdditionalProperties"/> and written back, so a read-modify-write round trip loses nothing.
/// </summary>
public abstract class JsonModel
{
    /// <summary>Gets or sets the JSON properties that have no typed property on this model.</summary>
    /// <value>The default is <c>null</c>: no extra properties. On a request, entries set here are sent as they are,
    /// which reaches vendor extensions the library does not model.</value>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
