using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Text.Json.Serialization.Metadata;
using System.Threading;
using System.Threading.Tasks;

namespace Assistants.Client.Internal;

/// <summary>Builds pageables over the protocol's cursor lists.</summary>
internal static class PageBuilder
{
    /// <summary>The page size servers use when no <c>limit</c> is sent.</summary>
    public const int ServerDefaultLimit = 20;

    public static AsyncPageable<T> Create<T>(
        ClientPipeline pipeline,
        ApiOperation operation,
        string path,
        CollectionOptions? options,
        JsonTypeInfo<ListResponse<T>> typeInfo,
        Func<T, string?> idOf,
        CancellationToken listCancellation,
        Action<QueryBuilder>? addFilters = null,
        int maxLimit = ProtocolLimits.ListLimitMax)
        where T : class
    {
        Argument.Limit(options?.Limit, "options.Limit", maxLimit);
        int? limit = options?.Limit;
        string? order = options?.Order?.ToString();

        async Task<Page<T>> FetchAsync(string? after, string? before, CancellationToken cancellationToken)
        {
            QueryBuilder query = new QueryBuilder().Add("limit", limit).Add("order", order).Add("after", after).Add("before", before);
            addFilters?.Invoke(query);
            HttpRequestMessage request = pipeline.CreateRequest(operation, path, query);
            ListResponse<T> list;
            if (listCancellation.CanBeCanceled && cancellationToken.CanBeCanceled && listCancellation != cancellationToken)
            {
                using CancellationTokenSource linked = CancellationTokenSource.CreateLinkedTokenSource(listCancellation, cancellationToken);
                list = await pipeline.SendJsonAsync(operation, request, typeInfo, linked.Token).ConfigureAwait(false);
            }
            else
            {
                list = await pipeline.SendJsonAsync(operation, request, typeInfo, cancellationToken.CanBeCanceled ? cancellationToken : listCancellation).ConfigureAwait(false);
            }

            return ToPage(list, idOf, limit, backwards: after is null && before is not null);
        }

        return new AsyncPageable<T>(FetchAsync, options?.After, options?.Before);
    }

    /// <summary>
    /// Derives a page from the wire list. A server that omits <c>has_more</c> is taken to have more when the
    /// page is full; one that omits <c>first_id</c>/<c>last_id</c> gets them from the items.
    /// </summary>
    public static Page<T> ToPage<T>(ListResponse<T> list, Func<T, string?> idOf, int? limit, bool backwards)
    {
        List<T> items = list.Data ?? new List<T>();
        string? firstId = list.FirstId ?? (items.Count > 0 ? idOf(items[0]) : null);
        string? lastId = list.LastId ?? (items.Count > 0 ? idOf(items[items.Count - 1]) : null);
        bool hasMore = list.HasMore ?? (items.Count > 0 && items.Count >= (limit ?? ServerDefaultLimit));
        string? next = hasMore && items.Count > 0 ? (backwards ? firstId : lastId) : null;
        return new Page<T>(items, hasMore, firstId, lastId, next) { Response = list.Response };
    }
}
