using System;
using System.Net.Http;
using System.Threading.Tasks;
using Azure.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using NUnit.Framework;
using RichardSzalay.MockHttp;

namespace Assistants.Client.Azure.Tests;

[TestFixture]
public sealed class UseTokenCredentialTests
{
    private const string Thread = """{"id":"thread_1","object":"thread","created_at":1,"metadata":{}}""";

    private static (AssistantsApiClient Client, MockHttpMessageHandler Mock) Client(AssistantsClientOptions options)
    {
        MockHttpMessageHandler mock = new();
        mock.When("*").Respond("application/json", Thread);
        return (new AssistantsApiClient(new HttpClient(mock), options), mock);
    }

    [Test]
    public async Task Foundry_SendsTheCachedBearerToken_AskedForTheFoundryScope()
    {
        FakeTimeProvider time = new();
        FakeCredential credential = new(time);
        AssistantsClientOptions options = new() { Profile = ServerProfile.Foundry("my-resource", "my-project"), TimeProvider = time };
        options.UseTokenCredential(credential);
        HttpRequestMessage? seen = null;
        MockHttpMessageHandler mock = new();
        mock.When("*").With(r =>
        {
            seen = r;
            return true;
        }).Respond("application/json", Thread);
        AssistantsApiClient client = new(new HttpClient(mock), options);

        await client.Threads.GetAsync("thread_1");
        await client.Threads.GetAsync("thread_1");

        Assert.That(seen!.Headers.Authorization!.ToString(), Is.EqualTo("Bearer token-1"));
        Assert.That(seen.RequestUri!.ToString(), Is.EqualTo("https://my-resource.services.ai.azure.com/api/projects/my-project/threads/thread_1?api-version=v1"));
        Assert.That(credential.LastScopes, Is.EqualTo(new[] { "https://ai.azure.com/.default" }));
        Assert.That(credential.Calls, Is.EqualTo(1));

        time.Advance(TimeSpan.FromHours(1));
        await client.Threads.GetAsync("thread_1");
        Assert.That(seen.Headers.Authorization!.ToString(), Is.EqualTo("Bearer token-2"), "the clock comes from AssistantsClientOptions.TimeProvider");
    }

    [Test]
    public async Task Fabric_AsksForTheFabricScope()
    {
        FakeCredential credential = new(TimeProvider.System);
        AssistantsClientOptions options = new() { Profile = ServerProfile.Fabric(new Uri("https://api.fabric.microsoft.com/v1/workspaces/w/aiskills/a/aiassistant/openai")) };
        options.UseTokenCredential(credential);

        await Client(options).Client.Threads.GetAsync("thread_1");

        Assert.That(credential.LastScopes, Is.EqualTo(new[] { "https://api.fabric.microsoft.com/.default" }));
    }

    [Test]
    public void NoProfileScopeAndNoScope_FailsNamingTheProfiles()
    {
        AssistantsClientOptions options = new() { Profile = ServerProfile.OpenAICompatible(new Uri("http://127.0.0.1:8080/v1/")) };

        ArgumentException ex = Assert.Throws<ArgumentException>(() => options.UseTokenCredential(new FakeCredential(TimeProvider.System)))!;

        Assert.That(ex.Message, Does.StartWith("No Entra token scope: set AssistantsClientOptions.Profile to a profile with one (ServerProfile.Foundry, ServerProfile.Fabric) before UseTokenCredential, or pass the scope. Profile: OpenAICompatible."));
        Assert.That(options.UseTokenCredential(new FakeCredential(TimeProvider.System), scope: "api://my-app/.default"), Is.SameAs(options));
    }

    [Test]
    public async Task DependencyInjection_AddAssistantsClientWithCredential_SendsTheToken()
    {
        FakeCredential credential = new(TimeProvider.System);
        MockHttpMessageHandler mock = new();
        mock.When("*").Respond("application/json", Thread);
        ServiceCollection services = new();
        services.AddAssistantsClient(credential, options => options.Profile = ServerProfile.Foundry("my-resource", "my-project"))
            .ConfigurePrimaryHttpMessageHandler(() => mock);
        services.AddKeyedAssistantsClient("fabric", credential, options => options.Profile = ServerProfile.Fabric(new Uri("https://api.fabric.microsoft.com/v1/workspaces/w/aiskills/a/aiassistant/openai")))
            .ConfigurePrimaryHttpMessageHandler(() => mock);
        using ServiceProvider provider = services.BuildServiceProvider();

        await provider.GetRequiredService<AssistantsApiClient>().Threads.GetAsync("thread_1");
        Assert.That(credential.LastScopes, Is.EqualTo(new[] { "https://ai.azure.com/.default" }));
        await provider.GetRequiredKeyedService<AssistantsApiClient>("fabric").Threads.GetAsync("thread_1");
        Assert.That(credential.LastScopes, Is.EqualTo(new[] { "https://api.fabric.microsoft.com/.default" }));
    }

    [Test]
    public void ReadmeSnippet_DefaultAzureCredential_PlugsIn()
    {
        // The README's Foundry snippet, up to the first request (which would need a real Entra identity).
        AssistantsClientOptions options = new()
        {
            Profile = ServerProfile.Foundry(new Uri("https://my-resource.services.ai.azure.com/api/projects/my-project")),
        };
        options.UseTokenCredential(new DefaultAzureCredential());
        using AssistantsApiClient client = new(options);

        Assert.That(options.TokenProvider, Is.Not.Null);
        Assert.That(options.AuthenticationScheme, Is.EqualTo(AuthenticationScheme.Bearer));
    }
}
