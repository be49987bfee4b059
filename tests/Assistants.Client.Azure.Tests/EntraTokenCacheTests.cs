using System;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.Extensions.Time.Testing;
using NUnit.Framework;

namespace Assistants.Client.Azure.Tests;

[TestFixture]
public sealed class EntraTokenCacheTests
{
    private const string Scope = ServerProfile.FoundryTokenScope;

    [Test]
    public async Task Token_IsCachedUntilTheRefreshMargin_ThenFetchedOnce()
    {
        FakeTimeProvider time = new();
        FakeCredential credential = new(time);
        EntraTokenCache cache = new(credential, Scope, time, TimeSpan.FromMinutes(5));

        Assert.That(await cache.GetTokenAsync(), Is.EqualTo("token-1"));
        time.Advance(TimeSpan.FromMinutes(54));
        Assert.That(await cache.GetTokenAsync(), Is.EqualTo("token-1"), "54 of 60 minutes: still outside the 5-minute margin");
        time.Advance(TimeSpan.FromMinutes(1));
        Assert.That(await cache.GetTokenAsync(), Is.EqualTo("token-2"), "55 minutes: within the margin, refreshed");
        Assert.That(await cache.GetTokenAsync(), Is.EqualTo("token-2"));
        Assert.That(credential.Calls, Is.EqualTo(2));
        Assert.That(credential.LastScopes, Is.EqualTo(new[] { Scope }));
    }

    [Test]
    public async Task Token_IsNeverUsedAtOrPastItsExpiry_EvenWithNoMargin()
    {
        FakeTimeProvider time = new();
        FakeCredential credential = new(time) { Lifetime = TimeSpan.FromMinutes(10) };
        EntraTokenCache cache = new(credential, Scope, time, TimeSpan.Zero);

        Assert.That(await cache.GetTokenAsync(), Is.EqualTo("token-1"));
        time.Advance(TimeSpan.FromMinutes(10) - TimeSpan.FromTicks(1));
        Assert.That(await cache.GetTokenAsync(), Is.EqualTo("token-1"), "one tick before expiry");
        time.Advance(TimeSpan.FromTicks(1));
        Assert.That(await cache.GetTokenAsync(), Is.EqualTo("token-2"), "at expiry");
    }

    [Test]
    public async Task ConcurrentCallers_ShareExactlyOneCredentialCall()
    {
        FakeTimeProvider time = new();
        TaskCompletionSource gate = new(TaskCreationOptions.RunContinuationsAsynchronously);
        FakeCredential credential = new(time) { Gate = gate.Task };
        EntraTokenCache cache = new(credential, Scope, time);

        Task<string>[] callers = Enumerable.Range(0, 16).Select(_ => Task.Run(async () => await cache.GetTokenAsync())).ToArray();
        while (credential.Calls == 0)
        {
            await Task.Yield();
        }

        gate.SetResult();
        string[] tokens = await Task.WhenAll(callers);

        Assert.That(tokens, Is.All.EqualTo("token-1"));
        Assert.That(credential.Calls, Is.EqualTo(1));

        // Past expiry, a new crowd again makes one call.
        time.Advance(TimeSpan.FromHours(2));
        tokens = await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => Task.Run(async () => await cache.GetTokenAsync())));
        Assert.That(tokens, Is.All.EqualTo("token-2"));
        Assert.That(credential.Calls, Is.EqualTo(2));
    }

    [Test]
    public async Task FailingCredential_SurfacesItsException_AndTheNextCallRetries()
    {
        FakeTimeProvider time = new();
        global::Azure.Identity.AuthenticationFailedException failure = new("no managed identity");
        FakeCredential credential = new(time) { FailNext = failure };
        EntraTokenCache cache = new(credential, Scope, time);

        global::Azure.Identity.AuthenticationFailedException? thrown = Assert.ThrowsAsync<global::Azure.Identity.AuthenticationFailedException>(async () => await cache.GetTokenAsync());

        Assert.That(thrown, Is.SameAs(failure));
        Assert.That(await cache.GetTokenAsync(), Is.EqualTo("token-2"));
        Assert.That(credential.Calls, Is.EqualTo(2));
    }

    [Test]
    public void Construction_RejectsNoCredentialNoScopeAndNegativeMargin()
    {
        FakeCredential credential = new(TimeProvider.System);

        Assert.Throws<ArgumentNullException>(() => _ = new EntraTokenCache(null!, Scope));
        Assert.Throws<ArgumentException>(() => _ = new EntraTokenCache(credential, ""));
        Assert.Throws<ArgumentOutOfRangeException>(() => _ = new EntraTokenCache(credential, Scope, refreshMargin: TimeSpan.FromSeconds(-1)));
    }
}
