using System;
using System.Globalization;

namespace Assistants.Client.Internal;

/// <summary>Reads the server's requested wait: <c>retry-after-ms</c> first, then <c>Retry-After</c> as seconds or an HTTP date.</summary>
internal static class RetryAfter
{
    public static TimeSpan? From(ResponseInfo response, DateTimeOffset? now = null)
    {
        if (response.GetHeader("retry-after-ms") is { } ms
            && double.TryParse(ms, NumberStyles.Float, CultureInfo.InvariantCulture, out double milliseconds)
            && milliseconds >= 0)
        {
            return TimeSpan.FromMilliseconds(milliseconds);
        }

        if (response.GetHeader("Retry-After") is { } value)
        {
            if (double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out double seconds) && seconds >= 0)
            {
                return TimeSpan.FromSeconds(seconds);
            }

            if (DateTimeOffset.TryParseExact(value, "r", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out DateTimeOffset date))
            {
                TimeSpan wait = date - (now ?? DateTimeOffset.UtcNow);
                return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
            }
        }

        return null;
    }
}
