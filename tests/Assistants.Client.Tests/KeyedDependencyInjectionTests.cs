using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using NUnit.Framework;
using RichardSzalay.MockHttp;

namespace Assistants.Client.Tests;

[TestFixture]
public sealed class KeyedDependencyInjectionTests
{
    private const string EmptyList = """{"data":[],"has_more":false}""";

    [Test]
    public async Task TwoKeyedClients_EachSendToTheirOwnServerWithTheirOwnCredentials()
    {
        IConfiguration configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Servers:B:BaseUrl"] = "https://b.test/api/",
            ["Servers:B:ApiKey"] = "key-b",
            ["Servers:B:AuthenticationScheme"] = "ApiKeyHeader",
            ["Servers:B:ApiVersion"] = "v1",
        }).Build();
        CapturingHandler a = Capture();
        CapturingHandler b = Capture();
        ServiceCollection services = new();
        services.AddKeyedAssistantsClient("a", o => { o.ApiKey = "key-a"; o.BaseUrl = new Uri("https://a.test/v1/"); }).ConfigurePrimaryHttpMessageHandler(() => a);
        services.AddKeyedAssistantsClient("b", configuration.GetSection("Servers:B")).ConfigurePrimaryHttpMessageHandler(() => b);
        using ServiceProvider provider = services.BuildServiceProvider();
        provider.GetRequiredService<IStartupValidator>().Validate();

        await provider.GetRequiredKeyedService<AssistantsApiClient>("a").Assistants.ListAsync().ToListAsync();
        await provider.GetRequiredKeyedService<AssistantsApiClient>("b").Assistants.ListAsync().ToListAsync();

        Assert.That(a.Requests, Has.Count.EqualTo(1));
        Assert.That(b.Requests, Has.Count.EqualTo(1));
        Assert.Multiple(() =>
        {
            Assert.That(a.Requests[0].Uri, Is.EqualTo("https://a.test/v1/assistants"));
            Assert.That(a.Requests[0].Headers["Authorization"], Is.EqualTo("Bearer key-a"));
            Assert.That(a.Requests[0].Headers.ContainsKey("api-key"), Is.False);
            Assert.That(b.Requests[0].Uri, Is.EqualTo("https://b.test/api/assistants?api-version=v1"));
            Assert.That(b.Requests[0].Headers["api-key"], Is.EqualTo("key-b"));
            Assert.That(b.Requests[0].Headers.ContainsKey("Authorization"), Is.False);
        });
    }

    [Test]
    public async Task KeyedAndUnkeyedClients_SideBySide_KeepTheirOwnServers()
    {
        CapturingHandler unkeyed = Capture();
        CapturingHandler keyed = Capture();
        ServiceCollection services = new();
        services.AddAssistantsClient(o => { o.ApiKey = "default-key"; o.BaseUrl = new Uri("https://default.test/v1/"); }).ConfigurePrimaryHttpMessageHandler(() => unkeyed);
        services.AddKeyedAssistantsClient("foundry", o => { o.ApiKey = "foundry-key"; o.BaseUrl = new Uri("https://foundry.test/v1/"); }).ConfigurePrimaryHttpMessageHandler(() => keyed);
        using ServiceProvider provider = services.BuildServiceProvider();
        provider.GetRequiredService<IStartupValidator>().Validate();

        await provider.GetRequiredService<AssistantsClient>().ListAsync().ToListAsync();
        await provider.GetRequiredKeyedService<AssistantsClient>("foundry").ListAsync().ToListAsync();

        Assert.That(unkeyed.Requests, Has.Count.EqualTo(1));
        Assert.That(keyed.Requests, Has.Count.EqualTo(1));
        Assert.Multiple(() =>
        {
            Assert.That(unkeyed.Requests[0].Uri, Is.EqualTo("https://default.test/v1/assistants"));
            Assert.That(unkeyed.Requests[0].Headers["Authorization"], Is.EqualTo("Bearer default-key"));
            Assert.That(keyed.Requests[0].Uri, Is.EqualTo("https://foundry.test/v1/assistants"));
            Assert.That(keyed.Requests[0].Headers["Authorization"], Is.EqualTo("Bearer foundry-key"));
        });
    }

    [Test]
    public void BadKeyedConfiguration_FailsAtStartNamingTheKeysSectionPath()
    {
        IConfiguration configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Servers:A:BaseUrl"] = "https://a.test/v1/",
            ["Servers:B:BaseUrl"] = "https://b.test/v1/",
            ["Servers:B:AuthenticationScheme"] = "Kerberos",
        }).Build();
        ServiceCollection services = new();
        services.AddAssistantsClient(o => o.BaseUrl = new Uri("https://default.test/v1/"));
        services.AddKeyedAssistantsClient("a", configuration.GetSection("Servers:A"));
        services.AddKeyedAssistantsClient("b", configuration.GetSection("Servers:B"));
        using ServiceProvider provider = services.BuildServiceProvider();

        // One failing registration (the unkeyed one and "a" are valid): the startup validator throws it as is.
        OptionsValidationException failure = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate())!;

        Assert.That(failure.OptionsName, Is.EqualTo("b"));
        Assert.That(failure.Failures, Is.EqualTo(new[] { "Configuration value Servers:B:AuthenticationScheme 'Kerberos' is not one of Bearer, ApiKeyHeader, None." }));
    }

    [Test]
    public void KeyedClientConfiguredInCode_WithoutServer_FailsAtStartNamingTheKey()
    {
        ServiceCollection services = new();
        services.AddKeyedAssistantsClient("foundry", o => o.ApiKey = "k");
        using ServiceProvider provider = services.BuildServiceProvider();

        OptionsValidationException error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate())!;

        Assert.That(error.Message, Does.StartWith("AssistantsClientOptions[foundry].BaseUrl is not set"));
    }

    [Test]
    public async Task SubClientsResolvedByKey_ShareTheirClientsPipeline()
    {
        CapturingHandler a = Capture();
        CapturingHandler b = Capture();
        int bHandlerCalls = 0;
        ServiceCollection services = new();
        services.AddKeyedAssistantsClient("a", o => o.BaseUrl = new Uri("https://a.test/v1/")).ConfigurePrimaryHttpMessageHandler(() => a);
        services.AddKeyedAssistantsClient("b", o => { o.ApiKey = "key-b"; o.BaseUrl = new Uri("https://b.test/v1/"); })
            .AddHttpMessageHandler(() => new CountingHandler(() => bHandlerCalls++))
            .ConfigurePrimaryHttpMessageHandler(() => b);
        using ServiceProvider provider = services.BuildServiceProvider();

        await provider.GetRequiredKeyedService<AssistantsClient>("b").ListAsync().ToListAsync();
        await provider.GetRequiredKeyedService<MessagesClient>("b").ListAsync("thread_1").ToListAsync();
        await provider.GetRequiredKeyedService<FilesClient>("b").ListAsync().ToListAsync();

        Assert.Multiple(() =>
        {
            Assert.That(a.Requests, Is.Empty);
            Assert.That(bHandlerCalls, Is.EqualTo(3));
            Assert.That(b.Requests.ConvertAll(r => r.Uri), Is.EqualTo(new[] { "https://b.test/v1/assistants", "https://b.test/v1/threads/thread_1/messages", "https://b.test/v1/files" }));
            Assert.That(b.Requests.TrueForAll(r => r.Headers["Authorization"] == "Bearer key-b"), Is.True);
            Assert.That(provider.GetRequiredKeyedService<ThreadsClient>("b"), Is.Not.Null);
            Assert.That(provider.GetRequiredKeyedService<RunsClient>("b"), Is.Not.Null);
            Assert.That(provider.GetRequiredKeyedService<RunStepsClient>("b"), Is.Not.Null);
            Assert.That(provider.GetRequiredKeyedService<VectorStoresClient>("b"), Is.Not.Null);
            Assert.That(provider.GetService<AssistantsApiClient>(), Is.Null);
        });
    }

    private static CapturingHandler Capture()
    {
        MockHttpMessageHandler mock = new();
        mock.When("*").Respond("application/json", EmptyList);
        return new CapturingHandler(mock);
    }

    private sealed class CountingHandler(Action count) : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            count();
            return base.SendAsync(request, cancellationToken);
        }
    }
}
