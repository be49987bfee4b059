using System;
using System.Collections.Generic;
using System.IO;
using System.Threading.Tasks;

namespace Assistants.Client.Tests;

/// <summary>One public create-like operation, called the way a user calls it, and where its POST lands.</summary>
/// <param name="Operation">The operation's name in the client's table (<c>ApiOperations</c>).</param>
/// <param name="Path">The path the POST goes to, under the base URL.</param>
/// <param name="Streaming">Whether the call answers with an event stream.</param>
/// <param name="Call">Calls the operation through the public client.</param>
public sealed record CreateOperationCase(string Operation, string Path, bool Streaming, Func<AssistantsApiClient, Task> Call)
{
    /// <summary>Gets every public operation that must not be sent twice; a create added to the client without a case here fails <c>Table_EveryNotAfterSendOperationHasAFaultCase</c>.</summary>
    public static IReadOnlyList<CreateOperationCase> All { get; } =
    [
        new("create_assistant", "assistants", false, c => c.Assistants.CreateAsync("gpt-4o")),
        new("create_thread", "threads", false, c => c.Threads.CreateAsync()),
        new("create_thread_and_run", "threads/runs", false, c => c.Runs.CreateThreadAndRunAsync("asst_1")),
        new("create_thread_and_run_stream", "threads/runs", true, async c => await (await c.Runs.CreateThreadAndRunStreamingAsync("asst_1")).DisposeAsync()),
        new("create_message", "threads/thread_1/messages", false, c => c.Messages.CreateAsync("thread_1", MessageRole.User, "hi")),
        new("create_run", "threads/thread_1/runs", false, c => c.Runs.CreateAsync("thread_1", "asst_1")),
        new("create_run_stream", "threads/thread_1/runs", true, async c => await (await c.Runs.CreateStreamingAsync("thread_1", "asst_1")).DisposeAsync()),
        new("create_file", "files", false, c => c.Files.UploadAsync(new MemoryStream(new byte[1000]), "a.txt", FilePurpose.Assistants)),
        new("create_vector_store", "vector_stores", false, c => c.VectorStores.CreateAsync()),
        new("create_vector_store_file", "vector_stores/vs_1/files", false, c => c.VectorStores.AddFileAsync("vs_1", "file_1")),
        new("create_vector_store_file_batch", "vector_stores/vs_1/file_batches", false, c => c.VectorStores.CreateFileBatchAsync("vs_1", ["file_1"])),
        new("create_vector_store_file_batch (files)", "vector_stores/vs_1/file_batches", false, c => c.VectorStores.CreateFileBatchAsync("vs_1", [new VectorStoreBatchFile("file_1")])),
        new("submit_tool_outputs", "threads/thread_1/runs/run_1/submit_tool_outputs", false, c => c.Runs.SubmitToolOutputsAsync("thread_1", "run_1", [new ToolOutput("call_1", "42")])),
        new("submit_tool_outputs_stream", "threads/thread_1/runs/run_1/submit_tool_outputs", true, async c => await (await c.Runs.SubmitToolOutputsStreamingAsync("thread_1", "run_1", [new ToolOutput("call_1", "42")])).DisposeAsync()),
    ];

    /// <summary>Gets the operation name without the note that tells two forms apart.</summary>
    public string TableName => Operation.Split(' ')[0];

    /// <inheritdoc />
    public override string ToString() => Operation;
}
