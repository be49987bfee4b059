using System.Collections.Generic;
using System.Net;
using System.Net.Http;
using NUnit.Framework;
using RichardSzalay.MockHttp;

namespace Assistants.Client.Tests;

[TestFixture]
public sealed class ErrorTests
{
    [Test]
    public void NotFound_RaisesResourceNotFoundWithEnvelopeAndRequestId()
    {
        using Wire wire = new();
        wire.Expect(HttpMethod.Get, "assistants/asst_x", """{"error":{"message":"No assistant found with id 'asst_x'.","type":"invalid_request_error","param":null,"code":null}}""", HttpStatusCode.NotFound,
            new Dictionary<string, string> { ["x-request-id"] = "req_404" });

        ResourceNotFoundException error = Assert.ThrowsAsync<ResourceNotFoundException>(() => wire.Client.Assistants.GetAsync("asst_x"))!;

        Assert.Multiple(() =>
        {
            Assert.That(error.Status, Is.EqualTo(404));
            Assert.That(error.Error!.Message, Is.EqualTo("No assistant found with id 'asst_x'."));
            Assert.That(error.ErrorType, Is.EqualTo("invalid_request_error"));
            Assert.That(error.RequestId, Is.EqualTo("req_404"));
            Assert.That(error.Headers["x-request-id"], Is.EqualTo("req_404"));
            Assert.That(error.Message, Does.Contain("GET /v1/assistants/asst_x failed with 404"));
            Assert.That(error.Message, Does.Contain("No assistant found with id 'asst_x'."));
            Assert.That(error.Message, Does.Contain("req_404"));
            Assert.That(error.RawBody, Does.Contain("invalid_request_error"));
        });
    }

    [Test]
    public void Unauthorized_RaisesAuthenticationFailedWithoutTheKey()
    {
        using Wire wire = new();
        wire.Expect(HttpMethod.Get, "assistants/asst_x", """{"error":{"message":"Incorrect API key provided: sk-test-*****cdef.","type":"invalid_request_error","param":null,"code":"invalid_api_key"}}""", HttpStatusCode.Unauthorized);

        AuthenticationFailedException error = Assert.ThrowsAsync<AuthenticationFailedException>(() => wire.Client.Assistants.GetAsync("asst_x"))!;

        Assert.That(error.ErrorCode, Is.EqualTo("invalid_api_key"));
        Assert.That(error.Message, Does.Not.Contain(Wire.ApiKey));
        Assert.That(error.ToString(), Does.Not.Contain(Wire.ApiKey));
    }

    [Test]
    public void ActiveRun_RaisesActiveRunExceptionWithThreadAndRunIds()
    {
        using Wire wire = new();
        wire.Expect(HttpMethod.Post, "assistants", """{"error":{"message":"Thread thread_abc already has an active run run_xyz.","type":"invalid_request_error","param":null,"code":null}}""", HttpStatusCode.BadRequest);

        ActiveRunException error = Assert.ThrowsAsync<ActiveRunException>(() => wire.Client.Assistants.CreateAsync("gpt-4o"))!;

        Assert.That(error.ThreadId, Is.EqualTo("thread_abc"));
        Assert.That(error.RunId, Is.EqualTo("run_xyz"));
    }

    [Test]
    public void MethodNotAllowed_RaisesOperationNotSupported()
    {
        using Wire wire = new();
        wire.Expect(HttpMethod.Delete, "assistants/asst_x", "{}", HttpStatusCode.MethodNotAllowed);

        Assert.ThrowsAsync<OperationNotSupportedException>(() => wire.Client.Assistants.DeleteAsync("asst_x"));
    }

    [Test]
    public void ErrorWithNonJsonBody_KeepsAnExcerptOfTheBody()
    {
        using Wire wire = new();
        wire.Mock.Expect(HttpMethod.Get, Wire.BaseUrl + "assistants/asst_x").Respond(HttpStatusCode.BadRequest, "text/html", "<html>bad gateway page</html>");

        AssistantsApiException error = Assert.ThrowsAsync<AssistantsApiException>(() => wire.Client.Assistants.GetAsync("asst_x"))!;

        Assert.That(error.Error, Is.Null);
        Assert.That(error.RawBody, Is.EqualTo("<html>bad gateway page</html>"));
        Assert.That(error.Message, Does.Contain("bad gateway page"));
    }

    [Test]
    public void SuccessWithInvalidJson_RaisesWithExcerptAndRequestId()
    {
        using Wire wire = new();
        wire.Expect(HttpMethod.Get, "assistants/asst_x", """{"id": 42, "created_at": "soon"}""");

        AssistantsApiException error = Assert.ThrowsAsync<AssistantsApiException>(() => wire.Client.Assistants.GetAsync("asst_x"))!;

        Assert.That(error.Message, Does.Contain("not a valid Assistant"));
        Assert.That(error.Message, Does.Contain("req_test"));
        Assert.That(error.InnerException, Is.InstanceOf<System.Text.Json.JsonException>());
    }

    [Test]
    public void NumericErrorCode_IsKeptAsText()
    {
        using Wire wire = new();
        wire.Expect(HttpMethod.Get, "assistants/asst_x", """{"error":{"message":"nope","code":4001}}""", HttpStatusCode.BadRequest);

        AssistantsApiException error = Assert.ThrowsAsync<AssistantsApiException>(() => wire.Client.Assistants.GetAsync("asst_x"))!;

        Assert.That(error.ErrorCode, Is.EqualTo("4001"));
    }
}
