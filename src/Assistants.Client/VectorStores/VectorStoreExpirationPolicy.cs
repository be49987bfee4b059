using System.Text.Json.Serialization;

namespace Assistants.Client;

/// <summary>When a vector store expires: a number of days after an anchor (<c>last_active_at</c>).</summary>
public sealed class VectorStoreExpirationPolicy : JsonModel
{
    /// <summary>Initializes an empty policy (for deserialization).</summary>
    public VectorStoreExpirationPolicy()
    {
    }

    /// <summary>Initializes a policy that expires the store <paramref name="days"/> days after it was last active.</summary>
    /// <param name="days">The number of days, from 1 to 365.</param>
    public VectorStoreExpirationPolicy(int days)
    {
        Anchor = VectorStoreExpirationAnchor.LastActiveAt;
        Days = days;
    }

    /// <summary>Gets or sets the timestamp the days count from.</summary>
    /// <value>The default is <c>null</c> (left out, also when the server left it out); the <see cref="VectorStoreExpirationPolicy(int)"/>
    /// constructor sets <see cref="VectorStoreExpirationAnchor.LastActiveAt"/>, the only anchor the service knows.</value>
    [JsonPropertyName("anchor")]
    public VectorStoreExpirationAnchor? Anchor { get; set; }

    /// <summary>Gets or sets the number of days after the anchor, from 1 to 365.</summary>
    /// <value>The default is <c>null</c> (left out, also when the server left it out): set it before sending.</value>
    [JsonPropertyName("days")]
    public int? Days { get; set; }
}
