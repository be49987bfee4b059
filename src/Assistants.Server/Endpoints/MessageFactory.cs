using System.Text.Json.Nodes;
using Assistants.Server.Errors;
using Assistants.Server.Json;
using Assistants.Server.Storage;

namespace Assistants.Server.Endpoints;

/// <summary>Builds stored messages from create-message requests, thread creation and <c>additional_messages</c>.</summary>
internal static class MessageFactory
{
    public static JsonObject FromRequest(ServerState state, string threadId, JsonObject body)
    {
        string role = JsonNodes.RequireString(body, "role");
        if (role is not ("user" or "assistant"))
        {
            throw ApiErrors.BadRequest($"Invalid value: '{role}'. Supported values are: 'user' and 'assistant'.", "role", "invalid_value");
        }

        JsonArray content = MessageJson.ParseContent(body["content"]);
        JsonArray attachments = (JsonArray?)JsonNodes.GetArray(body, "attachments")?.DeepClone() ?? [];
        return MessageJson.Create(state.NewId("msg_"), state.Now(), threadId, role, content,
            attachments: attachments, metadata: JsonNodes.Metadata(body));
    }

    public static StoredDoc Doc(JsonObject message) =>
        new(DocKinds.Message, (string)message["thread_id"]!, (string)message["id"]!, message);
}
