using System;
using System.Linq;
using System.Text;
using System.Collections.Generic;
using Assistants.Client.Internal;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using NUnit.Framework;

namespace Assistants.Client.Tests;

/// <summary>
/// The redactor's own contract: the bounded set of provider tokens, the 8-character rule, and that a text or body
/// without a secret costs no allocation (the success path pays nothing).
/// </summary>
[TestFixture]
public sealed class SecretRedactorTests
{
    private const string Key = "sk-proj-REDACTOR-KEY-000000000";

    [Test]
    public void Remember_MoreThan32Tokens_KeepsTheMostRecent32()
    {
        SecretRedactor secrets = new(new AssistantsClientOptions { ApiKey = Key });
        string[] tokens = Enumerable.Range(0, 40).Select(i => "token-" + i.ToString("D4", System.Globalization.CultureInfo.InvariantCulture) + "-abcdefgh").ToArray();

        foreach (string token in tokens)
        {
            secrets.Remember(token);
            secrets.Remember(token);
        }

        Assert.Multiple(() =>
        {
            Assert.That(SecretRedactor.MaxTokens, Is.EqualTo(32));
            Assert.That(tokens.Skip(8).Select(secrets.Redact), Has.All.EqualTo(SecretRedactor.Mask), "the 32 most recent are masked");
            Assert.That(tokens.Take(8).Select(secrets.Redact), Is.EqualTo(tokens.Take(8)), "older ones are forgotten");
            Assert.That(secrets.Redact(Key), Is.EqualTo(SecretRedactor.Mask), "the API key is never evicted");
        });
    }

    [Test]
    public void Remember_KnownTokenAgain_MakesItRecentWithoutEvicting()
    {
        SecretRedactor secrets = new(new AssistantsClientOptions());
        string first = "token-first-0000000000";
        secrets.Remember(first);
        for (int i = 0; i < 31; i++)
        {
            secrets.Remember("token-filler-" + i.ToString("D4", System.Globalization.CultureInfo.InvariantCulture));
        }

        secrets.Remember(first);
        secrets.Remember("token-one-more-000000");

        Assert.That(secrets.Redact(first), Is.EqualTo(SecretRedactor.Mask), "re-issued, so it became the most recent");
        Assert.That(secrets.Redact("token-filler-0000"), Is.EqualTo("token-filler-0000"), "the oldest filler made room");
    }

    [Test]
    public void Redact_ValuesShorterThan8_AreNotSecrets()
    {
        AssistantsClientOptions options = new() { ApiKey = "short12" };
        options.DefaultHeaders["api-key"] = "1234567";
        SecretRedactor secrets = new(options);
        secrets.Remember("tok1234");

        Assert.That(secrets.IsEmpty, Is.True);
        Assert.That(secrets.Redact("short12 1234567 tok1234"), Is.EqualTo("short12 1234567 tok1234"));
    }

    [Test]
    public void Redact_TextOrBodyWithoutSecret_AllocatesNothingAndReturnsTheInput()
    {
        SecretRedactor secrets = new(new AssistantsClientOptions { ApiKey = Key });
        for (int i = 0; i < 32; i++)
        {
            secrets.Remember("token-" + i.ToString("D4", System.Globalization.CultureInfo.InvariantCulture) + "-abcdefgh");
        }

        string text = new('a', 10_000);
        byte[] body = Encoding.UTF8.GetBytes(new string('b', 1 << 20));
        _ = secrets.Redact(text);
        _ = secrets.Redact(body).Length;

        long before = GC.GetAllocatedBytesForCurrentThread();
        string sameText = secrets.Redact(text);
        int length = secrets.Redact(body).Length;
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.That(allocated, Is.Zero, "33 secrets searched over 10 KB of text and a 1 MiB body");
        Assert.That(sameText, Is.SameAs(text));
        Assert.That(length, Is.EqualTo(body.Length));
    }

    [Test]
    public void Redact_OverlappingSecrets_LongestFirst()
    {
        AssistantsClientOptions options = new() { ApiKey = "abcdefgh" };
        options.DefaultHeaders["Authorization"] = "Bearer abcdefgh-longer";
        SecretRedactor secrets = new(options);

        Assert.That(secrets.Redact("x abcdefgh-longer y abcdefgh z"), Is.EqualTo("x [REDACTED] y [REDACTED] z"));
    }

    [Test]
    public void SecretHeaderNames_BoundFromConfiguration_CopiedByClone_AndUsed()
    {
        ServiceCollection services = new();
        services.AddAssistantsClient(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Assistants:BaseUrl"] = Wire.BaseUrl,
            ["Assistants:ApiKey"] = "k",
            ["Assistants:DefaultHeaders:X-Gateway-Key"] = "gateway-secret-0000",
            ["Assistants:SecretHeaderNames:0"] = "x-gateway-key",
        }).Build().GetSection("Assistants"));
        using ServiceProvider provider = services.BuildServiceProvider();
        AssistantsClientOptions options = provider.GetRequiredService<IOptions<AssistantsClientOptions>>().Value;

        AssistantsClientOptions copy = options.Clone();
        options.SecretHeaderNames.Clear();

        Assert.That(copy.SecretHeaderNames, Is.EquivalentTo(new[] { "x-gateway-key" }));
        Assert.That(copy.SecretHeaderNames.Contains("X-GATEWAY-KEY"), Is.True, "names compare case-insensitively");
        Assert.That(new SecretRedactor(copy).Redact("echo gateway-secret-0000"), Is.EqualTo("echo [REDACTED]"));
        Assert.That(new SecretRedactor(options).Redact("echo gateway-secret-0000"), Is.EqualTo("echo gateway-secret-0000"), "not marked, not secret");
    }
}
