using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace Assistants.Client.Internal;

/// <summary>The wire shape of a list: <c>{"object":"list","data":[...],"first_id","last_id","has_more"}</c>.</summary>
internal sealed class ListResponse<T> : ApiObject
{
    [JsonPropertyName("object")]
    public string? Object { get; set; }

    [JsonPropertyName("data")]
    public List<T>? Data { get; set; }

    [JsonPropertyName("first_id")]
    public string? FirstId { get; set; }

    [JsonPropertyName("last_id")]
    public string? LastId { get; set; }

    [JsonPropertyName("has_more")]
    public bool? HasMore { get; set; }
}
