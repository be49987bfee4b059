using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using NUnit.Framework;
using RichardSzalay.MockHttp;

namespace Assistants.Client.Tests;

/// <summary>No silent default server: construction and host start fail with messages naming the options or keys.</summary>
[TestFixture]
public sealed class StartupValidationTests
{
    [Test]
    public void Construction_WithoutBaseUrlOrProfile_NamesTheOptionsAndTheProfiles()
    {
        ArgumentException error = Assert.Throws<ArgumentException>(() => new AssistantsApiClient(new AssistantsClientOptions { ApiKey = "k" }))!;

        Assert.That(error.ParamName, Is.EqualTo("options"));
        Assert.That(error.Message, Does.StartWith(
            "No server is chosen: AssistantsClientOptions.BaseUrl is not set and AssistantsClientOptions.Profile is null. "
            + "Set BaseUrl, or Profile to ServerProfile.Foundry, ServerProfile.Fabric, ServerProfile.OpenAICompatible, ServerProfile.Embedded or ServerProfile.Custom "
            + "(there is no default server: OpenAI's own Assistants endpoint was switched off on 2026-08-26)."));
    }

    [Test]
    public async Task HostStart_WithEmptySection_NamesTheBaseUrlAndProfileKeys()
    {
        OptionsValidationException error = await StartAsync(new() { ["Assistants:UserAgent"] = "app" });

        Assert.That(error.Failures, Is.EqualTo(new[]
        {
            "Assistants:BaseUrl is not set and no Assistants:Profile is chosen: set Assistants:BaseUrl, or Assistants:Profile to one of Foundry, Fabric, OpenAICompatible, Embedded, Custom (there is no default server).",
        }));
    }

    [Test]
    public async Task HostStart_WithMisspelledBaseUri_ReportsTheUnknownKey()
    {
        OptionsValidationException error = await StartAsync(new() { ["Assistants:BaseUri"] = "https://x.test/v1/", ["Assistants:Retry:MaxRetrys"] = "3" });

        Assert.That(error.Failures, Is.EqualTo(new[]
        {
            "Configuration key Assistants:BaseUri is not an option of the Assistants client; the keys are BaseUrl, Profile, Endpoint, Project, ApiKey, AuthenticationScheme, ApiVersion, BetaHeader, Organization, UserAgent, AllowInsecureHttp, StreamRecovery, DefaultHeaders, SecretHeaderNames, Retry, Timeouts, Telemetry.",
            "Configuration key Assistants:Retry:MaxRetrys is not an option of the Assistants client; the keys under Retry are MaxRetries, InitialDelay, MaxDelay, MaxRetryAfter, Jitter.",
            "Assistants:BaseUrl is not set and no Assistants:Profile is chosen: set Assistants:BaseUrl, or Assistants:Profile to one of Foundry, Fabric, OpenAICompatible, Embedded, Custom (there is no default server).",
        }));
    }

    [Test]
    public async Task HostStart_WithRelativeBaseUrl_NamesTheKey()
    {
        OptionsValidationException error = await StartAsync(new() { ["Assistants:BaseUrl"] = "api/v1" });

        Assert.That(error.Failures.First(), Is.EqualTo("Configuration value Assistants:BaseUrl 'api/v1' is not an absolute URL."));
    }

    [Test]
    public async Task HostStart_WithFoundryProfileButNoProject_NamesTheKey()
    {
        OptionsValidationException error = await StartAsync(new() { ["Assistants:Profile"] = "Foundry", ["Assistants:Endpoint"] = "my-resource" });

        Assert.That(error.Failures.First(), Is.EqualTo("Assistants:Project is required with Profile Foundry when Assistants:Endpoint is not a project endpoint."));
    }

    [Test]
    public async Task HostStart_WithUnknownProfile_NamesTheValues()
    {
        OptionsValidationException error = await StartAsync(new() { ["Assistants:Profile"] = "OpenAI" });

        Assert.That(error.Failures.First(), Is.EqualTo("Configuration value Assistants:Profile 'OpenAI' is not one of Foundry, Fabric, OpenAICompatible, Embedded, Custom."));
    }

    [Test]
    public void HostStart_CodeConfiguredWithoutServer_NamesTheOptions()
    {
        HostApplicationBuilder builder = new(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Services.AddAssistantsClient(o => o.ApiKey = "k");
        using IHost host = builder.Build();

        OptionsValidationException error = Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync())!;

        Assert.That(error.Failures.First(), Does.StartWith("AssistantsClientOptions.BaseUrl is not set and no AssistantsClientOptions.Profile is chosen"));
    }

    [Test]
    public async Task HostStart_WithFoundryProfileInConfiguration_StartsAndSendsToTheProject()
    {
        HostApplicationBuilder builder = new(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Assistants:Profile"] = "Foundry",
            ["Assistants:Endpoint"] = "my-resource",
            ["Assistants:Project"] = "my-project",
        });
        MockHttpMessageHandler mock = new();
        CapturingHandler capture = new(mock);
        mock.When("*").Respond("application/json", """{"object":"list","data":[],"has_more":false}""");
        builder.Services.AddAssistantsClient(builder.Configuration.GetSection("Assistants"), o => o.TokenProvider = _ => new ValueTask<string>("t"))
            .ConfigurePrimaryHttpMessageHandler(() => capture);
        using IHost host = builder.Build();
        await host.StartAsync();

        await host.Services.GetRequiredService<ThreadsClient>().ListAsync().ToListAsync();
        await host.StopAsync();

        Assert.That(capture.Requests[0].Uri, Is.EqualTo("https://my-resource.services.ai.azure.com/api/projects/my-project/threads?api-version=v1"));
        Assert.That(capture.Requests[0].Headers.ContainsKey("OpenAI-Project"), Is.False);
    }

    [TestCase("Fabric", "https://api.fabric.microsoft.com/v1/workspaces/w/dataagents/d/aiassistant/openai", null, "https://api.fabric.microsoft.com/v1/workspaces/w/dataagents/d/aiassistant/openai/threads/thread_1?api-version=2024-05-01-preview")]
    [TestCase("OpenAICompatible", "http://localhost:8000/api/v1", null, "http://localhost:8000/api/v1/threads/thread_1")]
    [TestCase("Embedded", "http://127.0.0.1:5080/v1", null, "http://127.0.0.1:5080/v1/threads/thread_1")]
    [TestCase("Embedded", null, null, "http://localhost/v1/threads/thread_1")]
    [TestCase("Foundry", "https://acct.services.ai.azure.com/api/projects/proj", "2025-05-15-preview", "https://acct.services.ai.azure.com/api/projects/proj/threads/thread_1?api-version=2025-05-15-preview")]
    [TestCase("Custom", "https://gateway.test/openai", "2024-01-01", "https://gateway.test/openai/threads/thread_1?api-version=2024-01-01")]
    public async Task Configuration_ProfileKeys_ProduceTheProfilesUrl(string profile, string? endpoint, string? apiVersion, string expected)
    {
        Dictionary<string, string?> values = new() { ["Assistants:Profile"] = profile, ["Assistants:Endpoint"] = endpoint, ["Assistants:ApiVersion"] = apiVersion };
        MockHttpMessageHandler mock = new();
        CapturingHandler capture = new(mock);
        mock.When("*").Respond("application/json", """{"id":"thread_1","object":"thread","created_at":1}""");
        ServiceCollection services = new();
        services.AddAssistantsClient(new ConfigurationBuilder().AddInMemoryCollection(values).Build().GetSection("Assistants"))
            .ConfigurePrimaryHttpMessageHandler(() => capture);
        using ServiceProvider provider = services.BuildServiceProvider();

        await provider.GetRequiredService<ThreadsClient>().GetAsync("thread_1");

        Assert.That(capture.Requests[0].Uri, Is.EqualTo(expected));
    }

    private static async Task<OptionsValidationException> StartAsync(Dictionary<string, string?> values)
    {
        HostApplicationBuilder builder = new(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(values);
        builder.Services.AddAssistantsClient(builder.Configuration.GetSection("Assistants"));
        using IHost host = builder.Build();
        try
        {
            await host.StartAsync();
        }
        catch (OptionsValidationException error)
        {
            return error;
        }

        Assert.Fail("the host started");
        throw new InvalidOperationException();
    }
}
