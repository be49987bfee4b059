using System.Collections.Generic;

namespace Assistants.Client;

/// <summary>One page of a list, with the cursors to go on from it.</summary>
/// <typeparam name="T">The item type.</typeparam>
public sealed class Page<T>
{
    /// <summary>Initializes a new page, for tests and custom pipelines.</summary>
    /// <param name="items">The items.</param>
    /// <param name="hasMore">Whether more items follow.</param>
    /// <param name="firstId">The first item's id.</param>
    /// <param name="lastId">The last item's id.</param>
    /// <param name="nextCursor">The cursor for the next page, or <c>null</c> at the end.</param>
    public Page(IReadOnlyList<T> items, bool hasMore, string? firstId, string? lastId, string? nextCursor)
    {
        Items = items;
        HasMore = hasMore;
        FirstId = firstId;
        LastId = lastId;
        NextCursor = nextCursor;
    }

    /// <summary>Gets the items of this page, in the order the server sent them.</summary>
    public IReadOnlyList<T> Items { get; }

    /// <summary>Gets whether more items follow in the direction of paging.</summary>
    public bool HasMore { get; }

    /// <summary>Gets the id of the first item.</summary>
    public string? FirstId { get; }

    /// <summary>Gets the id of the last item.</summary>
    public string? LastId { get; }

    /// <summary>
    /// Gets the cursor to resume from: pass it to <see cref="AsyncPageable{T}.AsPages(string, System.Threading.CancellationToken)"/>,
    /// or as <c>After</c> (or <c>Before</c> when paging backwards) of a new list call. <c>null</c> when this is the last page.
    /// </summary>
    public string? NextCursor { get; }

    /// <summary>Gets the status, request id and headers of the response that carried this page.</summary>
    /// <value><c>null</c> for a page built in code.</value>
    public ResponseInfo? Response { get; init; }
}
