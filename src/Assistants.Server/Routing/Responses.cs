using System.Net;
using System.Net.Http;
using System.Text;
using System.Text.Json.Nodes;
using Assistants.Server.Errors;
using Assistants.Server.Json;

namespace Assistants.Server.Routing;

/// <summary>Builds the response messages the endpoints return.</summary>
internal static class Responses
{
    public static HttpResponseMessage Json(JsonNode body, HttpStatusCode status = HttpStatusCode.OK) => new(status)
    {
        Content = new StringContent(JsonNodes.Serialize(body), Encoding.UTF8, "application/json"),
    };

    public static HttpResponseMessage Error(ApiException error)
    {
        var envelope = new JsonObject
        {
            ["error"] = new JsonObject
            {
                ["message"] = error.Message,
                ["type"] = error.Type,
                ["param"] = error.Param,
                ["code"] = error.Code,
            },
        };
        if (error.WithDetail)
        {
            envelope["detail"] = new JsonObject { ["message"] = error.Message, ["code"] = error.Code };
        }

        return Json(envelope, error.Status);
    }

    public static HttpResponseMessage Deleted(string id, string objectName) => Json(new JsonObject
    {
        ["id"] = id,
        ["object"] = objectName,
        ["deleted"] = true,
    });
}
