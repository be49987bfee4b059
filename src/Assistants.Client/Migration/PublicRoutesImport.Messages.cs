using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using Assistants.Client.Internal;

namespace Assistants.Client.Migration;

internal sealed partial class PublicRoutesImport
{
    private async Task ImportMessageAsync(JsonObject message, CancellationToken cancellationToken)
    {
        string threadId = Mapped(MigrationJson.String(message["thread_id"])) ?? throw new InvalidDataException(
            $"Message {MigrationJson.Id(message)} names thread {MigrationJson.String(message["thread_id"])}, which is not in {MigrationFiles.Threads}.");
        if (MigrationJson.String(message["assistant_id"]) is not null || MigrationJson.String(message["run_id"]) is not null)
        {
            _messageLinks++;
        }

        JsonArray content = [];
        foreach (JsonObject part in (message["content"] as JsonArray ?? []).OfType<JsonObject>())
        {
            if (Part(part) is JsonObject converted)
            {
                content.Add((JsonNode)converted);
            }
            else
            {
                _droppedParts++;
            }
        }

        JsonArray attachments = [];
        foreach (JsonObject attachment in (message["attachments"] as JsonArray ?? []).OfType<JsonObject>())
        {
            if (Mapped(MigrationJson.String(attachment["file_id"])) is string fileId)
            {
                JsonObject copy = (JsonObject)attachment.DeepClone();
                copy["file_id"] = fileId;
                attachments.Add((JsonNode)copy);
            }
            else
            {
                _droppedAttachments++;
            }
        }

        JsonObject body = new()
        {
            ["role"] = message["role"]?.DeepClone(),
            ["content"] = content.Count > 0 ? content : JsonValue.Create(""),
            ["attachments"] = attachments,
            ["metadata"] = message["metadata"]?.DeepClone(),
        };
        string path = "threads/" + PathSegment.Escape(threadId) + "/messages";
        await CreateAsync("message", message, ApiOperations.CreateMessage, path, body, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>A content part as a create-message request takes it; <see langword="null"/> for one it cannot take.</summary>
    private JsonObject? Part(JsonObject part)
    {
        switch (MigrationJson.String(part["type"]))
        {
            case "text":
                _annotations += (part["text"]?["annotations"] as JsonArray)?.Count ?? 0;
                return new JsonObject { ["type"] = "text", ["text"] = MigrationJson.String(part["text"]?["value"]) ?? "" };
            case "image_file" when part["image_file"] is JsonObject image && Mapped(MigrationJson.String(image["file_id"])) is string fileId:
                JsonObject copy = (JsonObject)image.DeepClone();
                copy["file_id"] = fileId;
                return new JsonObject { ["type"] = "image_file", ["image_file"] = copy };
            case "image_url":
                return (JsonObject)part.DeepClone();
            default:
                return null;
        }
    }

    /// <summary>Tool resources with their file and vector store ids rewritten; an id that was not imported is left out.</summary>
    private JsonObject ToolResources(JsonNode? resources)
    {
        JsonObject copy = resources?.DeepClone() as JsonObject ?? [];
        foreach (KeyValuePair<string, JsonNode?> tool in copy.ToList())
        {
            if (tool.Value is not JsonObject settings)
            {
                continue;
            }

            foreach (string field in new[] { "file_ids", "vector_store_ids" })
            {
                if (settings[field] is JsonArray ids)
                {
                    settings[field] = new JsonArray([.. ids.Select(id => Mapped(MigrationJson.String(id))).Where(id => id is not null).Select(id => (JsonNode?)JsonValue.Create(id))]);
                }
            }
        }

        return copy;
    }

    private List<string> Losses()
    {
        long Count(string name) => MigrationJson.ReadLines(Path.Combine(folder, name)).LongCount();
        List<string> losses =
        [
            "timestamps: every object's created_at is the time of the import (the protocol cannot set it)",
        ];
        void Add(long count, string text)
        {
            if (count > 0)
            {
                losses.Add($"{text}: {count}");
            }
        }

        Add(Count(MigrationFiles.Runs), "runs not imported (the protocol cannot create a run's record)");
        Add(Count(MigrationFiles.RunSteps), "run steps not imported (the protocol cannot create them)");
        Add(_annotations, "annotations dropped from message text (file_citation, file_path: the protocol cannot create them)");
        Add(_messageLinks, "messages whose assistant_id and run_id were not kept");
        Add(_droppedParts, "message content parts not importable (a refusal, an unknown type, or an image of a file not exported)");
        Add(_droppedAttachments, "attachments dropped (their file was not exported)");
        Add(Count(MigrationFiles.VectorStoreFiles), "vector store files attached anew (chunking strategy, attributes and status not kept)");
        Add(Count(MigrationFiles.NotExported), "objects the export could not take (not-exported.jsonl), so references to them were dropped");
        return losses;
    }
}
