using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;

namespace Assistants.Client;

/// <summary>
/// A list that is fetched page by page as it is enumerated. <c>await foreach</c> over it yields every item;
/// <see cref="AsPages(CancellationToken)"/> yields the pages with their cursors.
/// </summary>
/// <typeparam name="T">The item type.</typeparam>
public class AsyncPageable<T> : IAsyncEnumerable<T>
{
    private readonly Func<string?, string?, CancellationToken, Task<Page<T>>>? _fetch;
    private readonly string? _after;
    private readonly string? _before;

    /// <summary>Initializes a new instance for mocking.</summary>
    protected AsyncPageable()
    {
    }

    /// <summary>Initializes a pageable over a page-fetching function, for tests and custom pipelines.</summary>
    /// <param name="fetch">Fetches one page given the <c>after</c> and <c>before</c> cursors.</param>
    /// <param name="after">The starting <c>after</c> cursor.</param>
    /// <param name="before">The starting <c>before</c> cursor; when set without <paramref name="after"/>, pages follow backwards.</param>
    public AsyncPageable(Func<string?, string?, CancellationToken, Task<Page<T>>> fetch, string? after = null, string? before = null)
    {
        _fetch = fetch ?? throw new ArgumentNullException(nameof(fetch));
        _after = after;
        _before = before;
    }

    /// <summary>Gets whether pages follow backwards, from <c>before</c> towards the start of the list.</summary>
    public bool IsBackwards => _before is not null && _after is null;

    /// <summary>Enumerates the pages from the start cursor.</summary>
    /// <param name="cancellationToken">A token that stops the enumeration.</param>
    /// <returns>The pages, fetched one at a time.</returns>
    public virtual IAsyncEnumerable<Page<T>> AsPages(CancellationToken cancellationToken = default)
        => PagesAsync(IsBackwards ? _before : _after, cancellationToken);

    /// <summary>Enumerates the pages from a cursor an earlier page gave (<see cref="Page{T}.NextCursor"/>).</summary>
    /// <param name="continuationCursor">The cursor to resume from; <c>null</c> starts from the beginning.</param>
    /// <param name="cancellationToken">A token that stops the enumeration.</param>
    /// <returns>The pages, fetched one at a time.</returns>
    public virtual IAsyncEnumerable<Page<T>> AsPages(string? continuationCursor, CancellationToken cancellationToken = default)
        => PagesAsync(continuationCursor ?? (IsBackwards ? _before : _after), cancellationToken);

    /// <summary>Fetches only the first page.</summary>
    /// <param name="cancellationToken">A token that cancels the request.</param>
    /// <returns>The first page.</returns>
    /// <exception cref="AssistantsApiException">The server answered with an error.</exception>
    public virtual Task<Page<T>> GetFirstPageAsync(CancellationToken cancellationToken = default)
        => Fetch(_after, _before, cancellationToken);

    /// <inheritdoc />
    public virtual async IAsyncEnumerator<T> GetAsyncEnumerator(CancellationToken cancellationToken = default)
    {
        await foreach (Page<T> page in AsPages(cancellationToken).ConfigureAwait(false))
        {
            foreach (T item in page.Items)
            {
                yield return item;
            }
        }
    }

    private async IAsyncEnumerable<Page<T>> PagesAsync(string? cursor, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        bool backwards = IsBackwards;
        HashSet<string> seen = new(StringComparer.Ordinal);
        while (true)
        {
            Page<T> page = backwards
                ? await Fetch(null, cursor, cancellationToken).ConfigureAwait(false)
                : await Fetch(cursor ?? _after, _before, cancellationToken).ConfigureAwait(false);
            yield return page;

            // A server that repeats a cursor or returns an empty page would otherwise loop forever.
            if (page.NextCursor is null || page.Items.Count == 0 || !seen.Add(page.NextCursor) || page.NextCursor == cursor)
            {
                yield break;
            }

            cursor = page.NextCursor;
        }
    }

    private Task<Page<T>> Fetch(string? after, string? before, CancellationToken cancellationToken)
        => _fetch is null
            ? throw new InvalidOperationException("This pageable was created for mocking and has no page source.")
            : _fetch(after, before, cancellationToken);
}
