using System;
using System.Threading;
using System.Threading.Tasks;
using Azure.Core;

namespace Assistants.Client.Azure.Tests;

/// <summary>A credential that hands out <c>token-1</c>, <c>token-2</c>, ... valid for <see cref="Lifetime"/> on the fake clock, and counts the calls.</summary>
internal sealed class FakeCredential(TimeProvider time) : TokenCredential
{
    private int _calls;

    public TimeSpan Lifetime { get; set; } = TimeSpan.FromHours(1);

    public int Calls => _calls;

    public string[]? LastScopes { get; private set; }

    /// <summary>Gets or sets a gate the next calls wait on (to hold concurrent callers inside one refresh).</summary>
    public Task? Gate { get; set; }

    /// <summary>Gets or sets an exception the next call throws (then cleared).</summary>
    public Exception? FailNext { get; set; }

    public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken)
        => throw new NotSupportedException("the library calls GetTokenAsync");

    public override async ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken)
    {
        int call = Interlocked.Increment(ref _calls);
        LastScopes = requestContext.Scopes;
        if (Gate is { } gate)
        {
            await gate.ConfigureAwait(false);
        }

        if (FailNext is { } failure)
        {
            FailNext = null;
            throw failure;
        }

        return new AccessToken("token-" + call, time.GetUtcNow() + Lifetime);
    }
}
