using System;
using System.Diagnostics.CodeAnalysis;
using System.Threading;
using System.Threading.Tasks;
using Azure.Core;

namespace Assistants.Client.Azure;

/// <summary>
/// A <see cref="TokenCredential"/> behind the core client's token-provider callback: the token is fetched once, cached,
/// and fetched again before it expires. A cached token is never handed out at or past its expiry; concurrent callers
/// that find no usable token wait for one credential call; a failing credential surfaces its exception to the callers
/// of that attempt and the next call tries again.
/// </summary>
[SuppressMessage("Reliability", "CA1001:Types that own disposable fields should be disposable", Justification = "The SemaphoreSlim never allocates its wait handle (AvailableWaitHandle is not read), so there is nothing to dispose; a disposable cache would burden every options object it is plugged into.")]
public sealed class EntraTokenCache
{
    /// <summary>The default refresh margin: a token is replaced this long before it expires.</summary>
    public static readonly TimeSpan DefaultRefreshMargin = TimeSpan.FromMinutes(5);

    private readonly TokenCredential _credential;
    private readonly TokenRequestContext _context;
    private readonly Func<TimeProvider> _timeProvider;
    private readonly TimeSpan _refreshMargin;
    private readonly SemaphoreSlim _refresh = new(1, 1);
    private AccessToken? _token;

    /// <summary>Initializes a cache for one credential and one scope.</summary>
    /// <param name="credential">The credential, for example <c>DefaultAzureCredential</c>.</param>
    /// <param name="scope">The Entra scope, for example <see cref="ServerProfile.FoundryTokenScope"/>.</param>
    /// <param name="timeProvider">The clock that decides when the token is due; <c>null</c> for <see cref="TimeProvider.System"/>.</param>
    /// <param name="refreshMargin">How long before expiry the token is replaced; <c>null</c> for <see cref="DefaultRefreshMargin"/>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="credential"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="scope"/> is null or empty.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="refreshMargin"/> is negative.</exception>
    public EntraTokenCache(TokenCredential credential, string scope, TimeProvider? timeProvider = null, TimeSpan? refreshMargin = null)
        : this(credential, scope, () => timeProvider ?? TimeProvider.System, refreshMargin)
    {
    }

    internal EntraTokenCache(TokenCredential credential, string scope, Func<TimeProvider> timeProvider, TimeSpan? refreshMargin)
    {
        _credential = credential ?? throw new ArgumentNullException(nameof(credential));
        if (string.IsNullOrEmpty(scope))
        {
            throw new ArgumentException("An Entra token scope is required, for example ServerProfile.FoundryTokenScope.", nameof(scope));
        }

        if (refreshMargin < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(refreshMargin), refreshMargin, "The refresh margin cannot be negative.");
        }

        Scope = scope;
        _context = new TokenRequestContext(new[] { scope });
        _timeProvider = timeProvider;
        _refreshMargin = refreshMargin ?? DefaultRefreshMargin;
    }

    /// <summary>Gets the Entra scope the tokens are asked for.</summary>
    public string Scope { get; }

    /// <summary>Returns a token that is not due for refresh, fetching one (once, whatever the number of callers) when needed.</summary>
    /// <param name="cancellationToken">Stops waiting for the token.</param>
    /// <returns>The bearer token.</returns>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    /// <remarks>Whatever the credential throws (for example <c>AuthenticationFailedException</c>) reaches the caller unchanged.</remarks>
    public async ValueTask<string> GetTokenAsync(CancellationToken cancellationToken = default)
    {
        if (Usable() is { } cached)
        {
            return cached;
        }

        await _refresh.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            // Another caller may have refreshed while this one waited.
            if (Usable() is { } refreshed)
            {
                return refreshed;
            }

            AccessToken token = await _credential.GetTokenAsync(_context, cancellationToken).ConfigureAwait(false);
            _token = token;
            return token.Token;
        }
        finally
        {
            _refresh.Release();
        }
    }

    /// <summary>The cached token when it is neither expired nor within the refresh margin (nor past the credential's own refresh time).</summary>
    private string? Usable()
    {
        if (_token is not { } token)
        {
            return null;
        }

        DateTimeOffset now = _timeProvider().GetUtcNow();
        DateTimeOffset due = token.ExpiresOn - _refreshMargin;
        if (token.RefreshOn is { } refreshOn && refreshOn < due)
        {
            due = refreshOn;
        }

        return now < due && now < token.ExpiresOn ? token.Token : null;
    }
}
