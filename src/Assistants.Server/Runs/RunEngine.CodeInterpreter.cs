using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using Assistants.Server.Json;
using Assistants.Server.Storage;
using Microsoft.Extensions.AI;

namespace Assistants.Server.Runs;

/// <summary>
/// The code interpreter: the server never runs code. It hands <see cref="HostedCodeInterpreterTool"/> to a model that
/// can run code on its provider's side, and records what comes back (<see cref="CodeInterpreterToolCallContent"/>,
/// <see cref="CodeInterpreterToolResultContent"/>) as <c>code_interpreter</c> tool calls, storing files the code wrote
/// under the server's own file ids.
/// </summary>
internal sealed partial class RunEngine
{
    /// <summary>The purpose of files the interpreter wrote, as the service labels them.</summary>
    private const string OutputPurpose = "assistants_output";

    private void OnCodeCall(RunRecord run, TurnState turn, CodeInterpreterToolCallContent call)
    {
        string input = string.Concat((call.Inputs ?? []).Select(TextOf));
        using (run.Gate.Enter())
        {
            if (run.Status == RunStatus.InProgress)
            {
                turn.AddCodeInput(CallId(call.CallId), input);
                CommitIfChanged(run);
            }
        }
    }

    private async Task OnCodeResultAsync(RunRecord run, TurnState turn, CodeInterpreterToolResultContent result, CancellationToken cancellationToken)
    {
        List<JsonObject> outputs = [];
        List<KeyValuePair<string, string>> written = [];
        foreach (AIContent output in result.Outputs ?? [])
        {
            switch (output)
            {
                case TextContent text when !string.IsNullOrEmpty(text.Text):
                    outputs.Add(new JsonObject { ["type"] = "logs", ["logs"] = text.Text });
                    break;
                case DataContent data when data.HasTopLevelMediaType("image"):
                    string imageId = await StoreOutputAsync(data, cancellationToken).ConfigureAwait(false);
                    outputs.Add(new JsonObject { ["type"] = "image", ["image"] = new JsonObject { ["file_id"] = imageId } });
                    break;
                case DataContent data when data.HasTopLevelMediaType("text") && data.Name is null:
                    outputs.Add(new JsonObject { ["type"] = "logs", ["logs"] = Encoding.UTF8.GetString(data.Data.Span) });
                    break;
                case DataContent file:
                    string fileId = await StoreOutputAsync(file, cancellationToken).ConfigureAwait(false);
                    written.Add(new KeyValuePair<string, string>(file.Name ?? fileId, fileId));
                    break;
                default:
                    break;
            }
        }

        using (run.Gate.Enter())
        {
            if (run.Status == RunStatus.InProgress)
            {
                turn.AddCodeOutputs(CallId(result.CallId), outputs, written);
                CommitIfChanged(run);
            }
        }
    }

    /// <summary>Stores a file the interpreter wrote, as a file of purpose <c>assistants_output</c>.</summary>
    private async Task<string> StoreOutputAsync(DataContent data, CancellationToken cancellationToken)
    {
        string id = state.NewId("file-");
        using var content = new MemoryStream(data.Data.ToArray(), writable: false);
        long length = await state.Docs.WriteContentAsync(id, content, cancellationToken).ConfigureAwait(false);
        JsonObject json = FileJson.Create(
            id, OutputPurpose, data.Name ?? (data.HasTopLevelMediaType("image") ? id + ".png" : id), length, state.Now());
        state.Docs.Save([new StoredDoc(DocKinds.File, DocKinds.Root, id, json)]);
        return id;
    }

    /// <summary>Adds the code interpreter to the model's tools, with the run's interpreter files as its inputs.</summary>
    private void AddCodeInterpreter(RunRecord run, ChatOptions chatOptions)
    {
        if (!(run.Json["tools"] as JsonArray ?? []).Any(tool => (string?)tool?["type"] == "code_interpreter"))
        {
            return;
        }

        var tool = new HostedCodeInterpreterTool();
        List<AIContent> inputs = [];
        foreach (string fileId in InterpreterFileIds(run))
        {
            inputs.Add(new HostedFileContent(fileId));
        }

        if (inputs.Count > 0)
        {
            tool.Inputs = inputs;
        }

        chatOptions.Tools = [.. chatOptions.Tools ?? [], tool];
        chatOptions.ToolMode ??= ChatToolMode.Auto;
    }

    /// <summary>The files the interpreter may read: the run's and the thread's tool resources, and the thread's attachments for it.</summary>
    private IEnumerable<string> InterpreterFileIds(RunRecord run)
    {
        var ids = new List<string>();
        AddIds(ids, run.Json["tool_resources"]?["code_interpreter"]?["file_ids"] as JsonArray);
        if (state.Docs.Find(DocKinds.Thread, DocKinds.Root, run.ThreadId) is { } thread)
        {
            AddIds(ids, thread.Json["tool_resources"]?["code_interpreter"]?["file_ids"] as JsonArray);
        }

        foreach (StoredDoc message in state.Docs.List(DocKinds.Message, run.ThreadId))
        {
            foreach (JsonObject attachment in (message.Json["attachments"] as JsonArray ?? []).OfType<JsonObject>())
            {
                if ((attachment["tools"] as JsonArray ?? []).Any(tool => (string?)tool?["type"] == "code_interpreter")
                    && (string?)attachment["file_id"] is { } fileId && !ids.Contains(fileId))
                {
                    ids.Add(fileId);
                }
            }
        }

        return ids;
    }

    private static void AddIds(List<string> ids, JsonArray? source)
    {
        foreach (string id in (source ?? []).Select(node => (string?)node).OfType<string>())
        {
            if (!ids.Contains(id))
            {
                ids.Add(id);
            }
        }
    }

    private string CallId(string? callId) => string.IsNullOrEmpty(callId) ? state.NewId("call_") : callId;

    private static string TextOf(AIContent content) => content switch
    {
        TextContent text => text.Text ?? "",
        DataContent data when data.HasTopLevelMediaType("text") => Encoding.UTF8.GetString(data.Data.Span),
        _ => "",
    };
}
