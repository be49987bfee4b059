using System;
using System.Collections.Generic;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using NUnit.Framework;
using RichardSzalay.MockHttp;

namespace Assistants.Client.Tests;

/// <summary>The capability table: an operation a profile does not serve fails before anything is sent; at run time only 405/501 or an envelope-less 404 mean "not supported".</summary>
[TestFixture]
public sealed class CapabilityTests
{
    private static readonly Uri s_fabric = new("https://api.fabric.microsoft.com/v1/workspaces/w/dataagents/d/aiassistant/openai");

    [Test]
    public void Fabric_FileUpload_FailsNamingProfileAndOperation_WithZeroRequests()
    {
        using Wire wire = new(ServerProfile.Fabric(s_fabric), "{}");
        using MemoryStream data = new([1, 2, 3]);

        OperationNotSupportedException error = Assert.ThrowsAsync<OperationNotSupportedException>(() => wire.Client.Files.UploadAsync(data, "a.txt", FilePurpose.Assistants))!;

        Assert.Multiple(() =>
        {
            Assert.That(wire.Requests, Is.Empty);
            Assert.That(error.ProfileName, Is.EqualTo("Fabric"));
            Assert.That(error.OperationName, Is.EqualTo("create_file"));
            Assert.That(error.Message, Is.EqualTo("The Fabric server profile does not serve create_file (POST files); nothing was sent. See docs/profiles.md for what each profile serves, or use ServerProfile.Custom to try it anyway."));
            Assert.That(error.StatusCode, Is.Null);
        });
    }

    [Test]
    public void Fabric_VectorStoreList_FailsOnEnumeration_WithZeroRequests()
    {
        using Wire wire = new(ServerProfile.Fabric(s_fabric), "{}");

        OperationNotSupportedException error = Assert.ThrowsAsync<OperationNotSupportedException>(async () => await wire.Client.VectorStores.ListAsync().ToListAsync())!;

        Assert.That(error.OperationName, Is.EqualTo("list_vector_stores"));
        Assert.That(wire.Requests, Is.Empty);
    }

    [Test]
    public void ListThreads_OnOpenAICompatible_FailsWithZeroRequests()
    {
        using Wire wire = new(ServerProfile.OpenAICompatible(new Uri("http://localhost:8000/v1/")), "{}");

        OperationNotSupportedException error = Assert.ThrowsAsync<OperationNotSupportedException>(async () => await wire.Client.Threads.ListAsync().ToListAsync())!;

        Assert.That(error.Message, Does.StartWith("The OpenAICompatible server profile does not serve list_threads (GET threads); nothing was sent."));
        Assert.That(wire.Requests, Is.Empty);
    }

    [Test]
    public void Foundry_VectorStoreSearch_FailsWithZeroRequests()
    {
        using Wire wire = new(ServerProfile.Foundry("res", "proj"), "{}");

        OperationNotSupportedException error = Assert.ThrowsAsync<OperationNotSupportedException>(async () => await wire.Client.VectorStores.SearchAsync("vs_1", "query"))!;

        Assert.That(error.OperationName, Is.EqualTo("search_vector_store"));
        Assert.That(wire.Requests, Is.Empty);
    }

    [TestCase("Foundry", "list_threads", true)]
    [TestCase("Foundry", "create_file", true)]
    [TestCase("Foundry", "search_vector_store", false)]
    [TestCase("Fabric", "create_run_stream", true)]
    [TestCase("Fabric", "list_run_steps", true)]
    [TestCase("Fabric", "create_file", false)]
    [TestCase("Fabric", "create_vector_store", false)]
    [TestCase("Fabric", "list_threads", false)]
    [TestCase("OpenAICompatible", "search_vector_store", true)]
    [TestCase("OpenAICompatible", "list_threads", false)]
    [TestCase("Embedded", "create_vector_store_file_batch", true)]
    [TestCase("Embedded", "update_vector_store_file_attributes", false)]
    [TestCase("Embedded", "search_vector_store", true)]
    [TestCase("Custom", "list_threads", true)]
    public void Serves_ReadsTheCapabilityTable(string profile, string operation, bool served)
    {
        ServerProfile chosen = profile switch
        {
            "Foundry" => ServerProfile.Foundry("res", "proj"),
            "Fabric" => ServerProfile.Fabric(s_fabric),
            "OpenAICompatible" => ServerProfile.OpenAICompatible(new Uri("http://localhost/v1/")),
            "Embedded" => ServerProfile.Embedded(),
            _ => ServerProfile.Custom(new Uri("https://x.test/"), null, AuthenticationScheme.Bearer, null),
        };

        Assert.That(chosen.Serves(operation), Is.EqualTo(served));
    }

    [Test]
    public async Task Foundry_ListThreads_SendsGetThreads()
    {
        using Wire wire = new(ServerProfile.Foundry("res", "proj"), """{"object":"list","data":[{"id":"thread_a","object":"thread","created_at":1}],"first_id":"thread_a","last_id":"thread_a","has_more":false}""");

        List<AssistantThread> threads = await wire.Client.Threads.ListAsync().ToListAsync();

        Assert.That(threads[0].Id, Is.EqualTo("thread_a"));
        Assert.That(wire.Single.Method, Is.EqualTo(HttpMethod.Get));
        Assert.That(wire.Single.Uri, Is.EqualTo("https://res.services.ai.azure.com/api/projects/proj/threads?api-version=v1"));
    }

    [TestCase(HttpStatusCode.MethodNotAllowed, "")]
    [TestCase(HttpStatusCode.NotImplemented, "")]
    [TestCase(HttpStatusCode.NotFound, "")]
    [TestCase(HttpStatusCode.NotFound, "<html><body>Cannot GET /v1/threads</body></html>")]
    [TestCase(HttpStatusCode.NotFound, """{"detail":"Not Found"}""")]
    public void RunTime_NoSuchRoute_IsNotSupported(HttpStatusCode status, string body)
    {
        using Wire wire = new(o => o.Retry.MaxRetries = 0);
        wire.Mock.Expect(HttpMethod.Get, Wire.BaseUrl + "threads").Respond(status, "text/plain", body);

        OperationNotSupportedException error = Assert.ThrowsAsync<OperationNotSupportedException>(async () => await wire.Client.Threads.ListAsync().ToListAsync())!;

        Assert.That(error.Status, Is.EqualTo((int)status));
        Assert.That(error.ProfileName, Is.Null);
    }

    [Test]
    public void RunTime_NotFoundWithTheErrorEnvelope_StaysResourceNotFound()
    {
        using Wire wire = new();
        wire.Expect(HttpMethod.Get, "threads/thread_x", """{"error":{"message":"No thread found with id 'thread_x'.","type":"invalid_request_error","param":null,"code":null}}""", HttpStatusCode.NotFound);

        ResourceNotFoundException error = Assert.ThrowsAsync<ResourceNotFoundException>(() => wire.Client.Threads.GetAsync("thread_x"))!;

        Assert.That(error, Is.Not.InstanceOf<OperationNotSupportedException>());
        Assert.That(error.Error!.Message, Is.EqualTo("No thread found with id 'thread_x'."));
    }
}
