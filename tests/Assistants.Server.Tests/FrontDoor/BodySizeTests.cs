using System;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using NUnit.Framework;

namespace Assistants.Server.Tests.FrontDoor;

public sealed class BodySizeTests
{
    private const int Limit = 4096;

    [TestCase(true)]
    [TestCase(false)]
    public async Task InProcess_BodyOverTheLimit_Is413Envelope(bool declaresLength)
    {
        await using var server = new AssistantsServer(new AssistantsServerOptions { MaxRequestBodyBytes = Limit });
        using var http = new HttpClient(server.CreateHandler()) { BaseAddress = new Uri("http://localhost/v1/") };

        using HttpResponseMessage response = await http.PostAsync("assistants", Json(Limit + 1, declaresLength));

        await AssertTooLargeAsync(response, "request_too_large", param: null);
    }

    [Test]
    public async Task InProcess_BodyAtTheLimit_IsAccepted()
    {
        await using var server = new AssistantsServer(new AssistantsServerOptions { MaxRequestBodyBytes = Limit });
        using var http = new HttpClient(server.CreateHandler()) { BaseAddress = new Uri("http://localhost/v1/") };

        using HttpResponseMessage response = await http.PostAsync("assistants", Json(Limit, declaresLength: false));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
    }

    [Test]
    public async Task InProcess_TheSameRequestSentAgain_KeepsItsBody()
    {
        // Retry handlers send the same HttpRequestMessage again; the server must leave its content as it found it.
        await using var server = new AssistantsServer(new AssistantsServerOptions { MaxRequestBodyBytes = Limit });
        using var invoker = new HttpMessageInvoker(server.CreateHandler());
        using var request = new HttpRequestMessage(HttpMethod.Post, "http://localhost/v1/assistants") { Content = Json(Limit, declaresLength: true) };
        HttpContent sent = request.Content;

        using HttpResponseMessage first = await invoker.SendAsync(request, default);
        using HttpResponseMessage second = await invoker.SendAsync(request, default);

        Assert.That(first.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(second.StatusCode, Is.EqualTo(HttpStatusCode.OK), await second.Content.ReadAsStringAsync());
        Assert.That(request.Content, Is.SameAs(sent));
    }

    [TestCase(true)]
    [TestCase(false)]
    public async Task OverKestrel_BodyOverTheLimit_Is413Envelope(bool declaresLength)
    {
        await using KestrelAssistants host = await KestrelAssistants.StartAsync(new AssistantsServerOptions { MaxRequestBodyBytes = Limit });

        using HttpResponseMessage response = await host.Http.PostAsync("assistants", Json(Limit + 1, declaresLength));

        await AssertTooLargeAsync(response, "request_too_large", param: null);
    }

    [TestCase(true)]
    [TestCase(false)]
    public async Task OverKestrel_UploadOverItsLimit_Is413Envelope(bool declaresLength)
    {
        await using KestrelAssistants host = await KestrelAssistants.StartAsync(new AssistantsServerOptions { MaxUploadBytes = 64 * 1024 });

        using HttpResponseMessage response = await host.Http.PostAsync("files", Upload(128 * 1024, declaresLength));

        await AssertTooLargeAsync(response, "file_too_large", param: "file");
        Assert.That((await host.Http.GetStringAsync("files")), Does.Contain("\"data\":[]"));
    }

    [Test]
    public async Task OverKestrel_UploadPastKestrels30MBDefault_IsAccepted()
    {
        // Kestrel refuses bodies over 30,000,000 bytes unless told otherwise; uploads are allowed 512 MiB by default.
        await using KestrelAssistants host = await KestrelAssistants.StartAsync(new AssistantsServerOptions());

        using HttpResponseMessage response = await host.Http.PostAsync("files", Upload(31_000_000, declaresLength: true));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        Assert.That((long?)JsonNode.Parse(await response.Content.ReadAsStringAsync())!["bytes"], Is.EqualTo(31_000_000));
    }

    private static async Task AssertTooLargeAsync(HttpResponseMessage response, string code, string? param)
    {
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.RequestEntityTooLarge));
        JsonObject error = (JsonObject)JsonNode.Parse(await response.Content.ReadAsStringAsync())!["error"]!;
        Assert.That((string?)error["code"], Is.EqualTo(code));
        Assert.That((string?)error["param"], Is.EqualTo(param));
        Assert.That((string?)error["message"], Does.Contain("too large"));
        Assert.That(response.Headers.Contains("x-request-id"), Is.True);
    }

    /// <summary>A JSON body of exactly <paramref name="size"/> bytes, with or without a Content-Length (then sent chunked).</summary>
    private static HttpContent Json(int size, bool declaresLength)
    {
        string prefix = "{\"model\":\"gpt-4o\",\"instructions\":\"";
        string json = prefix + new string('d', size - prefix.Length - 2) + "\"}";
        byte[] bytes = Encoding.UTF8.GetBytes(json);
        Assert.That(bytes, Has.Length.EqualTo(size));
        HttpContent content = declaresLength ? new ByteArrayContent(bytes) : new StreamContent(new UnknownLengthStream(bytes));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return content;
    }

    private static MultipartFormDataContent Upload(int size, bool declaresLength)
    {
        HttpContent file = declaresLength ? new ByteArrayContent(new byte[size]) : new StreamContent(new UnknownLengthStream(new byte[size]));
        var form = new MultipartFormDataContent { { new StringContent("assistants"), "purpose" }, { file, "file", "big.bin" } };
        if (!declaresLength)
        {
            form.Headers.ContentLength = null;
        }

        return form;
    }

    /// <summary>A stream that does not tell its length, so the client sends the body chunked.</summary>
    private sealed class UnknownLengthStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;

        public override long Length => throw new NotSupportedException();
    }
}
