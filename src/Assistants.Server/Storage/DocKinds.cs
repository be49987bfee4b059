using System;

namespace Assistants.Server.Storage;

/// <summary>The kinds of stored documents and their parents; top-level kinds have the parent <see cref="Root"/>.</summary>
internal static class DocKinds
{
    public const string Root = "";
    public const string Assistant = "assistant";
    public const string Thread = "thread";
    public const string Message = "message";       // parent: thread id
    public const string Run = "run";               // parent: thread id
    public const string Step = "step";             // parent: run id
    public const string File = "file";
    public const string VectorStore = "vector_store";
    public const string VectorStoreFile = "vector_store_file"; // parent: vector store id
    public const string FileBatch = "file_batch";  // parent: vector store id
    public const string Chunk = "chunk";           // parent: vector store id; id: file id + '#' + index

    private static readonly string[] s_threadChildren = [Message, Run];
    private static readonly string[] s_runChildren = [Step];
    private static readonly string[] s_vectorStoreChildren = [VectorStoreFile, FileBatch, Chunk];

    /// <summary>The kinds deleted with a document of <paramref name="kind"/>.</summary>
    public static ReadOnlySpan<string> ChildrenOf(string kind) => kind switch
    {
        Thread => s_threadChildren,
        Run => s_runChildren,
        VectorStore => s_vectorStoreChildren,
        _ => [],
    };
}
