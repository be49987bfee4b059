// The README's first example, as a user who installed the packages writes it, with the embedded server in place of
// Foundry (no account here): the same calls, the same output shape.
using Assistants.Client;
using Assistants.Client.Azure;
using Assistants.Server;

await using AssistantsServer server = new();
using HttpMessageHandler handler = server.CreateHandler();
using AssistantsApiClient client = new(new AssistantsClientOptions
{
    Profile = ServerProfile.Embedded(handler),
});

Assistant assistant = await client.Assistants.CreateAsync("gpt-4o", new AssistantCreationOptions
{
    Name = "Math Tutor",
    Instructions = "You are a personal math tutor.",
    Metadata = new Dictionary<string, string> { ["team"] = "docs" },
});
Console.WriteLine($"{assistant.Id} (request {assistant.Response?.RequestId})");

int listed = 0;
await foreach (Assistant a in client.Assistants.ListAsync(new AssistantCollectionOptions { Limit = 20 }))
{
    Console.WriteLine(a.Name);
    listed++;
}

if (listed != 1 || assistant.Name != "Math Tutor" || assistant.Response?.RequestId is null)
{
    Console.Error.WriteLine("error: the packaged client did not round-trip the README example");
    return 1;
}

// Assistants.Client.Azure: a TokenCredential behind the token provider, with the Foundry profile's scope.
AssistantsClientOptions foundry = new() { Profile = ServerProfile.Foundry("my-resource", "my-project") };
foundry.UseTokenCredential(new StaticCredential());
if (await foundry.TokenProvider!(CancellationToken.None) != "token for https://ai.azure.com/.default")
{
    Console.Error.WriteLine("error: the packaged Azure token provider did not ask for the Foundry scope");
    return 1;
}

Console.WriteLine($"Package consumer: OK ({typeof(AssistantsApiClient).Assembly.GetName().Version}, {typeof(AssistantsServer).Assembly.GetName().Version})");
return 0;

/// <summary>A credential that answers without any Azure account: the token names the scope asked for.</summary>
internal sealed class StaticCredential : Azure.Core.TokenCredential
{
    public override Azure.Core.AccessToken GetToken(Azure.Core.TokenRequestContext requestContext, CancellationToken cancellationToken)
        => new("token for " + string.Join(" ", requestContext.Scopes), DateTimeOffset.UtcNow.AddHours(1));

    public override ValueTask<Azure.Core.AccessToken> GetTokenAsync(Azure.Core.TokenRequestContext requestContext, CancellationToken cancellationToken)
        => new(GetToken(requestContext, cancellationToken));
}
