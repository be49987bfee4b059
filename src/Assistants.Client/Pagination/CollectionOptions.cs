namespace Assistants.Client;

/// <summary>The cursor parameters every list operation shares.</summary>
public abstract class CollectionOptions
{
    /// <summary>Gets or sets how many items a page holds, from 1 to 100.</summary>
    /// <value>The default is <c>null</c>: the server's default (20).</value>
    public int? Limit { get; set; }

    /// <summary>Gets or sets the sort order by creation time.</summary>
    /// <value>The default is <c>null</c>: the server's default (<see cref="ListOrder.Descending"/>).</value>
    public ListOrder? Order { get; set; }

    /// <summary>Gets or sets the id after which the listing starts (exclusive). Pages follow forward from it.</summary>
    /// <value>The default is <c>null</c>: from the start.</value>
    public string? After { get; set; }

    /// <summary>Gets or sets the id before which the listing starts (exclusive). When set without <see cref="After"/>, pages follow backwards from it.</summary>
    /// <value>The default is <c>null</c>.</value>
    public string? Before { get; set; }
}
