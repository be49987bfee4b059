using System.Collections.Generic;
using System.Threading.Tasks;

namespace Assistants.Client.Tests;

internal static class AsyncEnumerableExtensions
{
    public static async Task<List<T>> ToListAsync<T>(this IAsyncEnumerable<T> source)
    {
        List<T> list = new();
        await foreach (T item in source)
        {
            list.Add(item);
        }

        return list;
    }
}
