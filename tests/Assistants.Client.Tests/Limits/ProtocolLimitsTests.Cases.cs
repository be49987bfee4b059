using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;

namespace Assistants.Client.Tests;

/// <summary>The limit tables of assistants, threads, messages and runs.</summary>
public sealed partial class ProtocolLimitsTests
{
    private static IEnumerable<LimitCase> AssistantCases()
    {
        Limit<AssistantCreationOptions>[] limits =
        {
            new("name", "Name", o => o.Name = new string('n', 256), o => o.Name = new string('n', 257)),
            new("description", "Description", o => o.Description = new string('d', 512), o => o.Description = new string('d', 513)),
            new("instructions", "Instructions", o => o.Instructions = new string('i', 256_000), o => o.Instructions = new string('i', 256_001)),
            new("tools", "Tools", o => o.Tools = Tools(128), o => o.Tools = Tools(129)),
            new("function name", "Tools[3].Function.Name",
                o => o.Tools = Tools(4, i => Function(i == 3 ? "Az09_-" + new string('x', 58) : "f")),
                o => o.Tools = Tools(4, i => Function(i == 3 ? new string('x', 65) : "f")),
                o => o.Tools = Tools(4, i => Function(i == 3 ? "get.weather" : "f")),
                o => o.Tools = Tools(4, i => Function(i == 3 ? string.Empty : "f"))),
            new("null tool", "Tools[1]", null, o => o.Tools = new List<ToolDefinition> { Function("f"), null! }),
            new("null function", "Tools[0].Function", null, o => o.Tools = new List<ToolDefinition> { new FunctionToolDefinition { Function = null! } }),
            new("file search results", "Tools[0].FileSearch.MaxNumResults",
                o => o.Tools = new List<ToolDefinition> { ToolDefinition.CreateFileSearch(50) },
                o => o.Tools = new List<ToolDefinition> { ToolDefinition.CreateFileSearch(51) },
                o => o.Tools = new List<ToolDefinition> { ToolDefinition.CreateFileSearch(0) }),
            new("score threshold", "Tools[0].FileSearch.RankingOptions.ScoreThreshold",
                o => o.Tools = new List<ToolDefinition> { ScoreThreshold(1) },
                OutsideRange<AssistantCreationOptions>((o, v) => o.Tools = new List<ToolDefinition> { ScoreThreshold(v) }, 0, 1, 0.001)),
            new("code interpreter files", "ToolResources.CodeInterpreter.FileIds",
                o => o.ToolResources = new ToolResources { CodeInterpreter = new CodeInterpreterToolResources { FileIds = Ids(20) } },
                o => o.ToolResources = new ToolResources { CodeInterpreter = new CodeInterpreterToolResources { FileIds = Ids(21) } }),
            new("vector store ids", "ToolResources.FileSearch.VectorStoreIds",
                o => o.ToolResources = new ToolResources { FileSearch = new FileSearchToolResources { VectorStoreIds = Ids(1) } },
                o => o.ToolResources = new ToolResources { FileSearch = new FileSearchToolResources { VectorStoreIds = Ids(2) } }),
            new("new vector stores", "ToolResources.FileSearch.NewVectorStores",
                o => o.ToolResources = NewVectorStores(1),
                o => o.ToolResources = NewVectorStores(2)),
            new("new vector store metadata", "ToolResources.FileSearch.NewVectorStores[0].Metadata",
                o => o.ToolResources = NewVectorStores(1, Metadata(16)),
                o => o.ToolResources = NewVectorStores(1, Metadata(17))),
            new("response format name", "ResponseFormat.JsonSchema.Name",
                o => o.ResponseFormat = JsonSchemaFormat(new string('s', 64)),
                o => o.ResponseFormat = JsonSchemaFormat(new string('s', 65)),
                o => o.ResponseFormat = JsonSchemaFormat("a b")),
        };

        return Expand(
            Concat(limits, MetadataLimits<AssistantCreationOptions>((o, m) => o.Metadata = m), SamplingLimits<AssistantCreationOptions>((o, v) => o.Temperature = v, (o, v) => o.TopP = v)),
            new Target<AssistantCreationOptions>("Assistants.CreateAsync", "options", make => c => c.Assistants.CreateAsync("gpt-4o", make())),
            new Target<AssistantCreationOptions>("Assistants.ModifyAsync", "options", make => c => c.Assistants.ModifyAsync("asst_1", Copy(make()))));
    }

    private static IEnumerable<LimitCase> ThreadAndMessageCases()
    {
        Limit<ThreadCreationOptions>[] thread =
        {
            new("message metadata", "Messages[0].Metadata",
                o => o.Messages = new List<ThreadInitializationMessage> { new(MessageRole.User, "hi") { Metadata = Metadata(16) } },
                o => o.Messages = new List<ThreadInitializationMessage> { new(MessageRole.User, "hi") { Metadata = Metadata(17) } }),
            new("code interpreter files", "ToolResources.CodeInterpreter.FileIds",
                o => o.ToolResources = new ToolResources { CodeInterpreter = new CodeInterpreterToolResources { FileIds = Ids(20) } },
                o => o.ToolResources = new ToolResources { CodeInterpreter = new CodeInterpreterToolResources { FileIds = Ids(21) } }),
            new("vector store ids", "ToolResources.FileSearch.VectorStoreIds",
                o => o.ToolResources = new ToolResources { FileSearch = new FileSearchToolResources { VectorStoreIds = Ids(1) } },
                o => o.ToolResources = new ToolResources { FileSearch = new FileSearchToolResources { VectorStoreIds = Ids(2) } }),
        };
        Limit<ThreadModificationOptions>[] threadChange =
        {
            new("code interpreter files", "ToolResources.CodeInterpreter.FileIds",
                o => o.ToolResources = new ToolResources { CodeInterpreter = new CodeInterpreterToolResources { FileIds = Ids(20) } },
                o => o.ToolResources = new ToolResources { CodeInterpreter = new CodeInterpreterToolResources { FileIds = Ids(21) } }),
        };

        return Expand(
                Concat(thread, MetadataLimits<ThreadCreationOptions>((o, m) => o.Metadata = m)),
                new Target<ThreadCreationOptions>("Threads.CreateAsync", "options", make => c => c.Threads.CreateAsync(make())),
                new Target<ThreadCreationOptions>("Runs.CreateThreadAndRunAsync", "threadOptions", make => c => c.Runs.CreateThreadAndRunAsync("asst_1", make())))
            .Concat(Expand(
                Concat(threadChange, MetadataLimits<ThreadModificationOptions>((o, m) => o.Metadata = m)),
                new Target<ThreadModificationOptions>("Threads.ModifyAsync", "options", make => c => c.Threads.ModifyAsync("thread_1", make()))))
            .Concat(Expand(
                MetadataLimits<MessageCreationOptions>((o, m) => o.Metadata = m),
                new Target<MessageCreationOptions>("Messages.CreateAsync", "options", make => c => c.Messages.CreateAsync("thread_1", MessageRole.User, "hi", make()))))
            .Concat(Expand(
                MetadataLimits<MessageModificationOptions>((o, m) => o.Metadata = m),
                new Target<MessageModificationOptions>("Messages.ModifyAsync", "options", make => c => c.Messages.ModifyAsync("thread_1", "msg_1", make()))))
            .Concat(Expand(
                MetadataLimits<RunModificationOptions>((o, m) => o.Metadata = m),
                new Target<RunModificationOptions>("Runs.ModifyAsync", "options", make => c => c.Runs.ModifyAsync("thread_1", "run_1", make()))));
    }

    private static IEnumerable<LimitCase> RunCases()
    {
        Limit<RunCreationOptions>[] run =
        {
            new("tools", "Tools", o => o.Tools = Tools(20), o => o.Tools = Tools(21)),
            new("function name", "Tools[1].Function.Name",
                o => o.Tools = Tools(2, _ => Function("lookup_order-2")),
                o => o.Tools = Tools(2, i => Function(i == 1 ? "lookup order" : "f"))),
            new("max prompt tokens", "MaxPromptTokens", o => o.MaxPromptTokens = 256, o => o.MaxPromptTokens = 255),
            new("max completion tokens", "MaxCompletionTokens", o => o.MaxCompletionTokens = 256, o => o.MaxCompletionTokens = 255),
            new("last messages", "TruncationStrategy.LastMessages",
                o => o.TruncationStrategy = RunTruncationStrategy.CreateLastMessages(1),
                o => o.TruncationStrategy = new RunTruncationStrategy { Type = RunTruncationStrategyType.LastMessages, LastMessages = 0 }),
            new("response format name", "ResponseFormat.JsonSchema.Name", o => o.ResponseFormat = JsonSchemaFormat("answer"), o => o.ResponseFormat = JsonSchemaFormat("answer!")),
        };
        Limit<RunCreationOptions>[] onExistingThread =
        {
            new("additional message metadata", "AdditionalMessages[0].Metadata",
                o => o.AdditionalMessages = new List<ThreadInitializationMessage> { new(MessageRole.User, "hi") { Metadata = Metadata(16) } },
                o => o.AdditionalMessages = new List<ThreadInitializationMessage> { new(MessageRole.User, "hi") { Metadata = Metadata(16, keyLength: 65) } }),
        };
        Limit<RunCreationOptions>[] onNewThread =
        {
            new("code interpreter files", "ToolResources.CodeInterpreter.FileIds",
                o => o.ToolResources = new ToolResources { CodeInterpreter = new CodeInterpreterToolResources { FileIds = Ids(20) } },
                o => o.ToolResources = new ToolResources { CodeInterpreter = new CodeInterpreterToolResources { FileIds = Ids(21) } }),
        };
        IEnumerable<Limit<RunCreationOptions>> shared = Concat(run, MetadataLimits<RunCreationOptions>((o, m) => o.Metadata = m), SamplingLimits<RunCreationOptions>((o, v) => o.Temperature = v, (o, v) => o.TopP = v));

        return Expand(
                Concat(shared, onExistingThread),
                new Target<RunCreationOptions>("Runs.CreateAsync", "options", make => c => c.Runs.CreateAsync("thread_1", "asst_1", make())),
                new Target<RunCreationOptions>("Runs.CreateStreamingAsync", "options", make => c => c.Runs.CreateStreamingAsync("thread_1", "asst_1", make()), CanSend: false))
            .Concat(Expand(
                Concat(shared, onNewThread),
                new Target<RunCreationOptions>("Runs.CreateThreadAndRunAsync", "runOptions", make => c => c.Runs.CreateThreadAndRunAsync("asst_1", null, make())),
                new Target<RunCreationOptions>("Runs.CreateThreadAndRunStreamingAsync", "runOptions", make => c => c.Runs.CreateThreadAndRunStreamingAsync("asst_1", null, make()), CanSend: false)));
    }

    /// <summary>16 pairs, 64-character keys and 512-character values pass; one more of each is refused.</summary>
    private static Limit<T>[] MetadataLimits<T>(Action<T, Dictionary<string, string>> set) => new Limit<T>[]
    {
        new("metadata pairs", "Metadata", o => set(o, Metadata(16)), o => set(o, Metadata(17))),
        new("metadata key", "Metadata", o => set(o, Metadata(1, keyLength: 64)), o => set(o, Metadata(1, keyLength: 65))),
        new("metadata value", "Metadata", o => set(o, Metadata(1, valueLength: 512)), o => set(o, Metadata(1, valueLength: 513))),
    };

    /// <summary>temperature 0 to 2 and top_p 0 to 1, both ends inside; a step outside, NaN and infinities refused.</summary>
    private static Limit<T>[] SamplingLimits<T>(Action<T, double?> temperature, Action<T, double?> topP) => new Limit<T>[]
    {
        new("temperature low", "Temperature", o => temperature(o, 0), OutsideRange<T>((o, v) => temperature(o, v), 0, 2, 0.001)),
        new("temperature high", "Temperature", o => temperature(o, 2)),
        new("top_p low", "TopP", o => topP(o, 0), OutsideRange<T>((o, v) => topP(o, v), 0, 1, 0.001)),
        new("top_p high", "TopP", o => topP(o, 1)),
    };

    private static IEnumerable<Limit<T>> Concat<T>(params IEnumerable<Limit<T>>[] tables)
    {
        foreach (IEnumerable<Limit<T>> table in tables)
        {
            foreach (Limit<T> limit in table)
            {
                yield return limit;
            }
        }
    }

    private static FileSearchToolDefinition ScoreThreshold(double value)
        => new() { FileSearch = new FileSearchToolOptions { RankingOptions = new FileSearchRankingOptions { ScoreThreshold = value } } };

    private static ToolResources NewVectorStores(int count, Dictionary<string, string>? metadata = null) => new()
    {
        FileSearch = new FileSearchToolResources
        {
            NewVectorStores = Ids(count).ConvertAll(_ => new VectorStoreCreationHelper { FileIds = Ids(1), Metadata = metadata }),
        },
    };

    private static AssistantResponseFormat JsonSchemaFormat(string name)
    {
        using JsonDocument schema = JsonDocument.Parse("""{"type":"object"}""");
        return AssistantResponseFormat.CreateJsonSchema(name, schema.RootElement.Clone());
    }

    private static AssistantModificationOptions Copy(AssistantCreationOptions source) => new()
    {
        Name = source.Name,
        Description = source.Description,
        Instructions = source.Instructions,
        Tools = source.Tools,
        ToolResources = source.ToolResources,
        Metadata = source.Metadata,
        Temperature = source.Temperature,
        TopP = source.TopP,
        ResponseFormat = source.ResponseFormat,
    };
}
