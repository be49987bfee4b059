using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using NUnit.Framework;
using RichardSzalay.MockHttp;

namespace Assistants.Client.Tests;

[TestFixture]
public sealed class DependencyInjectionTests
{
    [Test]
    public void AddAssistantsClient_ResolvesRootAndEverySubClient()
    {
        ServiceCollection services = new();
        services.AddAssistantsClient(o => { o.ApiKey = "k"; o.BaseUrl = new Uri("https://api.test/v1/"); });
        using ServiceProvider provider = services.BuildServiceProvider();

        Assert.Multiple(() =>
        {
            Assert.That(provider.GetRequiredService<AssistantsApiClient>(), Is.Not.Null);
            Assert.That(provider.GetRequiredService<AssistantsClient>(), Is.Not.Null);
            Assert.That(provider.GetRequiredService<ThreadsClient>(), Is.Not.Null);
            Assert.That(provider.GetRequiredService<MessagesClient>(), Is.Not.Null);
            Assert.That(provider.GetRequiredService<RunsClient>(), Is.Not.Null);
            Assert.That(provider.GetRequiredService<RunStepsClient>(), Is.Not.Null);
            Assert.That(provider.GetRequiredService<FilesClient>(), Is.Not.Null);
            Assert.That(provider.GetRequiredService<VectorStoresClient>(), Is.Not.Null);
        });
    }

    [Test]
    public async Task AddAssistantsClient_FromConfiguration_UsesTheSectionAndTheReturnedBuilder()
    {
        IConfiguration configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Assistants:BaseUrl"] = "https://foundry.test/api/projects/p1/",
            ["Assistants:ApiKey"] = "from-config",
            ["Assistants:AuthenticationScheme"] = "ApiKeyHeader",
            ["Assistants:ApiVersion"] = "v1",
            ["Assistants:DefaultHeaders:x-tenant"] = "t1",
        }).Build();
        MockHttpMessageHandler mock = new();
        CapturingHandler capture = new(mock);
        mock.When("*").Respond("application/json", """{"data":[],"has_more":false}""");
        ServiceCollection services = new();
        services.AddAssistantsClient(configuration.GetSection("Assistants")).ConfigurePrimaryHttpMessageHandler(() => capture);
        using ServiceProvider provider = services.BuildServiceProvider();

        await provider.GetRequiredService<AssistantsClient>().ListAsync().ToListAsync();

        CapturedRequest request = capture.Requests[0];
        Assert.That(request.Uri, Is.EqualTo("https://foundry.test/api/projects/p1/assistants?api-version=v1"));
        Assert.That(request.Headers["api-key"], Is.EqualTo("from-config"));
        Assert.That(request.Headers["x-tenant"], Is.EqualTo("t1"));
    }

    [Test]
    public void AddAssistantsClient_WithBadConfigurationValue_NamesTheKey()
    {
        IConfiguration configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["BaseUrl"] = "https://api.test/v1/",
            ["AuthenticationScheme"] = "Kerberos",
        }).Build();
        ServiceCollection services = new();
        services.AddAssistantsClient(configuration);
        using ServiceProvider provider = services.BuildServiceProvider();

        OptionsValidationException error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<AssistantsApiClient>())!;

        Assert.That(error.Message, Is.EqualTo("Configuration value AuthenticationScheme 'Kerberos' is not one of Bearer, ApiKeyHeader, None."));
    }
}
