using System;
using System.Collections.Generic;

namespace Assistants.Client.Internal;

/// <summary>Checks tools, tool resources and response formats against <see cref="ProtocolLimits"/>.</summary>
internal static class ToolValidation
{
    /// <summary>At most <paramref name="maxTools"/> tools, none null, function names valid, file search options in range.</summary>
    public static void Tools(IList<ToolDefinition>? tools, int maxTools, string name)
    {
        if (tools is null)
        {
            return;
        }

        Argument.MaxCount(tools, maxTools, name);
        for (int i = 0; i < tools.Count; i++)
        {
            string item = $"{name}[{i}]";
            switch (tools[i])
            {
                case null:
                    throw new ArgumentException($"The {item} is null.", item);
                case FunctionToolDefinition function:
                    FunctionDefinition definition = function.Function ?? throw new ArgumentNullException(item + ".Function");
                    Argument.FunctionName(definition.Name, item + ".Function.Name");
                    break;
                case FileSearchToolDefinition { FileSearch: { } fileSearch }:
                    Argument.Range(fileSearch.MaxNumResults, ProtocolLimits.FileSearchMaxNumResultsMin, ProtocolLimits.FileSearchMaxNumResultsMax, item + ".FileSearch.MaxNumResults");
                    Argument.Range(fileSearch.RankingOptions?.ScoreThreshold, ProtocolLimits.ScoreThresholdMin, ProtocolLimits.ScoreThresholdMax, item + ".FileSearch.RankingOptions.ScoreThreshold");
                    break;
            }
        }
    }

    /// <summary>At most 20 code interpreter files and one vector store (by id or created on the fly).</summary>
    public static void Resources(ToolResources? resources, string name)
    {
        if (resources is null)
        {
            return;
        }

        Argument.MaxCount(resources.CodeInterpreter?.FileIds, ProtocolLimits.CodeInterpreterMaxFileIds, name + ".CodeInterpreter.FileIds");
        FileSearchToolResources? fileSearch = resources.FileSearch;
        if (fileSearch is null)
        {
            return;
        }

        Argument.MaxCount(fileSearch.VectorStoreIds, ProtocolLimits.FileSearchMaxVectorStores, name + ".FileSearch.VectorStoreIds");
        Argument.MaxCount(fileSearch.NewVectorStores, ProtocolLimits.FileSearchMaxVectorStores, name + ".FileSearch.NewVectorStores");
        if (fileSearch.NewVectorStores is { } stores)
        {
            for (int i = 0; i < stores.Count; i++)
            {
                Argument.Metadata(stores[i]?.Metadata, $"{name}.FileSearch.NewVectorStores[{i}].Metadata");
            }
        }
    }

    /// <summary>A <c>json_schema</c> format's name follows the function name rule.</summary>
    public static void ResponseFormat(AssistantResponseFormat? format, string name)
    {
        if (format?.JsonSchema is { } schema)
        {
            Argument.FunctionName(schema.Name, name + ".JsonSchema.Name");
        }
    }
}
