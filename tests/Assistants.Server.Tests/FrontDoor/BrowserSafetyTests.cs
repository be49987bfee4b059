using System;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using NUnit.Framework;

namespace Assistants.Server.Tests.FrontDoor;

public sealed class BrowserSafetyTests
{
    [TestCase("text/plain")]
    [TestCase("application/x-www-form-urlencoded")]
    [TestCase("multipart/form-data")]
    public async Task JsonEndpoint_WithAnotherContentType_Is415(string mediaType)
    {
        await using TestApi api = TestApi.Create();
        using var request = new HttpRequestMessage(HttpMethod.Post, "assistants") { Content = new StringContent("""{"model":"gpt-4o"}""", Encoding.UTF8, mediaType) };

        using HttpResponseMessage response = await api.Http.SendAsync(request);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.UnsupportedMediaType));
        JsonObject error = (JsonObject)JsonNode.Parse(await response.Content.ReadAsStringAsync())!["error"]!;
        Assert.That((string?)error["message"], Does.Contain($"'{mediaType}'").And.Contain("application/json"));
        Assert.That((string?)error["code"], Is.EqualTo("unsupported_media_type"));
        Assert.That((await api.GetAsync("assistants"))["data"]!.AsArray(), Is.Empty);
    }

    [Test]
    public async Task Body_WithoutContentType_Is415()
    {
        await using TestApi api = TestApi.Create();
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes("""{"model":"gpt-4o"}"""));

        using HttpResponseMessage response = await api.Http.PostAsync("assistants", content);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.UnsupportedMediaType));
        Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain("Missing Content-Type"));
    }

    [TestCase("application/json")]
    [TestCase("application/json; charset=utf-8")]
    [TestCase("Application/JSON; charset=UTF-8")]
    public async Task Json_WithAnyCharset_IsAccepted(string contentType)
    {
        await using TestApi api = TestApi.Create();
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes("""{"model":"gpt-4o"}"""));
        content.Headers.TryAddWithoutValidation("Content-Type", contentType);

        using HttpResponseMessage response = await api.Http.PostAsync("assistants", content);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task BodilessCancel_NeedsNoContentType()
    {
        await using TestApi api = TestApi.Create(startDelay: TimeSpan.FromSeconds(5));
        string assistantId = await api.CreateAssistantAsync();
        string threadId = await api.CreateThreadAsync();
        JsonObject run = await api.PostAsync($"threads/{threadId}/runs", $$"""{"assistant_id":"{{assistantId}}"}""");

        using HttpResponseMessage response = await api.Http.PostAsync($"threads/{threadId}/runs/{(string)run["id"]!}/cancel", content: null);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
    }

    [Test]
    public async Task Upload_AcceptsMultipart_AndRefusesJson()
    {
        await using TestApi api = TestApi.Create();
        using var form = new MultipartFormDataContent { { new StringContent("assistants"), "purpose" }, { new ByteArrayContent("hi"u8.ToArray()), "file", "a.txt" } };

        using HttpResponseMessage uploaded = await api.Http.PostAsync("files", form);
        using HttpResponseMessage json = await api.Http.PostAsync("files", new StringContent("{}", Encoding.UTF8, "application/json"));

        Assert.That(uploaded.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(json.StatusCode, Is.EqualTo(HttpStatusCode.UnsupportedMediaType));
        Assert.That(await json.Content.ReadAsStringAsync(), Does.Contain("multipart/form-data"));
    }

    [TestCase("localhost", HttpStatusCode.OK)]
    [TestCase("LOCALHOST:{port}", HttpStatusCode.OK)]
    [TestCase("127.0.0.1:{port}", HttpStatusCode.OK)]
    [TestCase("[::1]:{port}", HttpStatusCode.OK)]
    [TestCase("evil.example:{port}", HttpStatusCode.BadRequest)]
    [TestCase("127.0.0.1.nip.io", HttpStatusCode.BadRequest)]
    [TestCase("localhost.evil.example", HttpStatusCode.BadRequest)]
    public async Task OnLoopback_TheHostHeader_MustNameALoopbackHost(string host, HttpStatusCode expected)
    {
        await using KestrelAssistants server = await KestrelAssistants.StartAsync(new AssistantsServerOptions());
        using var request = new HttpRequestMessage(HttpMethod.Get, "assistants");
        request.Headers.Host = host.Replace("{port}", server.Root.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);

        using HttpResponseMessage response = await server.Http.SendAsync(request);

        Assert.That(response.StatusCode, Is.EqualTo(expected));
        if (expected != HttpStatusCode.OK)
        {
            Assert.That((string?)JsonNode.Parse(await response.Content.ReadAsStringAsync())!["error"]!["code"], Is.EqualTo("invalid_host"));
        }
    }
}
