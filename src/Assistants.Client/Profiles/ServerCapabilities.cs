using System.Collections.Generic;
using static Assistants.Client.Internal.ApiOperations;

namespace Assistants.Client.Internal;

/// <summary>
/// THE CAPABILITY TABLE: which operations of <see cref="ApiOperations"/> each <see cref="ServerProfile"/> serves, declared
/// once. An operation outside its profile's set raises <see cref="OperationNotSupportedException"/> before a request is
/// built. The reasons for each line are in docs/profiles.md.
/// </summary>
internal static class ServerCapabilities
{
    /// <summary>OpenAI's Assistants v2 protocol: every operation of the table except the extensions some servers add (thread listing, Assistants.Server's import).</summary>
    private static readonly ApiOperation[] s_extensions = [ListThreads, ImportObjects, ImportFileContent];

    /// <summary>Vector-store operations OpenAI added in 2025 (search, file attributes, parsed file content).</summary>
    private static readonly ApiOperation[] s_vectorStoreSearchFamily = [SearchVectorStore, UpdateVectorStoreFileAttributes, RetrieveVectorStoreFileContent];

    /// <summary>Self-hosted servers: the whole protocol; what one of them lacks surfaces at run time (405/501/404 without envelope).</summary>
    public static readonly HashSet<ApiOperation> OpenAICompatible = Protocol(except: []);

    /// <summary>Foundry classic agents: the protocol without the 2025 vector-store family, plus <c>GET /threads</c>.</summary>
    public static readonly HashSet<ApiOperation> Foundry = Protocol(except: s_vectorStoreSearchFamily, plus: [ListThreads]);

    /// <summary>Fabric data agents: conversations only (their data comes from Fabric sources, not uploaded files).</summary>
    public static readonly HashSet<ApiOperation> Fabric =
    [
        CreateAssistant, ListAssistants, GetAssistant, ModifyAssistant, DeleteAssistant,
        CreateThread, GetThread, ModifyThread, DeleteThread,
        CreateMessage, ListMessages, GetMessage, ModifyMessage, DeleteMessage,
        CreateRun, CreateRunStream, CreateThreadAndRun, CreateThreadAndRunStream, ListRuns, GetRun, ModifyRun, CancelRun, SubmitToolOutputs, SubmitToolOutputsStream,
        ListRunSteps, GetRunStep,
    ];

    /// <summary><c>Assistants.Server</c>: the routes of its router (src/Assistants.Server/Routing/Router.cs), <c>GET /threads</c> included.</summary>
    public static readonly HashSet<ApiOperation> Embedded = Protocol(except: [UpdateVectorStoreFileAttributes, RetrieveVectorStoreFileContent], plus: [ListThreads, ImportObjects, ImportFileContent]);

    /// <summary>A custom server: everything is tried, extensions included.</summary>
    public static readonly HashSet<ApiOperation> Custom = [.. All];

    private static HashSet<ApiOperation> Protocol(ApiOperation[] except, ApiOperation[]? plus = null)
    {
        HashSet<ApiOperation> operations = [.. All];
        operations.ExceptWith(s_extensions);
        operations.ExceptWith(except);
        operations.UnionWith(plus ?? []);
        return operations;
    }
}
