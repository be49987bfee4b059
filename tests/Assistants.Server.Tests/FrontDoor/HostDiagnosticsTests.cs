using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text.Json;
using System.Threading.Tasks;
using Assistants.Server.Host;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using NUnit.Framework;

namespace Assistants.Server.Tests.FrontDoor;

/// <summary>The Host's opt-in memory endpoint (<c>--diagnostics</c>): off by default, loopback only.</summary>
public sealed class HostDiagnosticsTests
{
    [Test]
    public void Diagnostics_IsOffByDefault_AndNamedInHelp()
    {
        Assert.That(HostSettings.Parse([]).Diagnostics, Is.False);
        Assert.That(HostSettings.Parse(["--diagnostics", "--in-memory"]).Diagnostics, Is.True);
        Assert.That(HostSettings.Parse(["--diagnostics"]).Remaining, Is.Empty);
        Assert.That(HostHelp.Text, Does.Contain("--diagnostics").And.Contain(HostDiagnostics.MemoryPath));
    }

    [Test]
    public async Task Memory_OverLoopback_AnswersWorkingSetAndGcHeap_AfterAFullCollection()
    {
        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        await using WebApplication app = builder.Build();
        HostDiagnostics.Map(app);
        await app.StartAsync();
        using HttpClient http = new();
        int gen2Before = System.GC.CollectionCount(2);

        using HttpResponseMessage response = await http.GetAsync(app.Urls.Single().TrimEnd('/') + HostDiagnostics.MemoryPath + "?gc=1");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/json"));
        using JsonDocument json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.That(json.RootElement.GetProperty("collected").GetBoolean(), Is.True);
        Assert.That(json.RootElement.GetProperty("working_set_bytes").GetInt64(), Is.GreaterThan(0));
        Assert.That(json.RootElement.GetProperty("gc_heap_bytes").GetInt64(), Is.GreaterThan(0));
        Assert.That(json.RootElement.GetProperty("gc_heap_size_bytes").GetInt64(), Is.GreaterThan(0));
        Assert.That(System.GC.CollectionCount(2), Is.GreaterThan(gen2Before), "?gc=1 runs a full collection");
        await app.StopAsync();
    }

    [TestCase("192.0.2.10", "127.0.0.1:5080")]
    [TestCase("127.0.0.1", "rebound.example:5080")]
    public async Task Memory_FromANonLoopbackPeerOrHost_IsRefused(string peer, string host)
    {
        DefaultHttpContext context = new();
        context.Connection.RemoteIpAddress = IPAddress.Parse(peer);
        context.Request.Host = new HostString(host);
        context.Request.Path = HostDiagnostics.MemoryPath;
        context.Response.Body = new System.IO.MemoryStream();

        await HostDiagnostics.HandleAsync(context);

        Assert.That(context.Response.StatusCode, Is.EqualTo(StatusCodes.Status403Forbidden));
        Assert.That(context.Response.Body.Length, Is.Zero);
    }
}
