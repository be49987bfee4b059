using System.Diagnostics;

namespace Assistants.Client.Telemetry;

/// <summary>Records <c>gen_ai.client.operation.duration</c> and <c>gen_ai.client.token.usage</c> with the conventions' attributes.</summary>
internal static class Metrics
{
    public static void Record(ClientTelemetryContext context, string operation, string? model, string? errorType, double seconds, int? inputTokens, int? outputTokens)
    {
        if (AgentTelemetry.OperationDuration.Enabled)
        {
            TagList tags = Tags(context, operation, model);
            if (errorType is not null)
            {
                tags.Add(GenAI.ErrorType, errorType);
            }

            AgentTelemetry.OperationDuration.Record(seconds, tags);
        }

        if (AgentTelemetry.TokenUsage.Enabled)
        {
            if (inputTokens is { } input)
            {
                TagList tags = Tags(context, operation, model);
                tags.Add(GenAI.TokenType, "input");
                AgentTelemetry.TokenUsage.Record(input, tags);
            }

            if (outputTokens is { } output)
            {
                TagList tags = Tags(context, operation, model);
                tags.Add(GenAI.TokenType, "output");
                AgentTelemetry.TokenUsage.Record(output, tags);
            }
        }
    }

    private static TagList Tags(ClientTelemetryContext context, string operation, string? model)
    {
        TagList tags = new()
        {
            { GenAI.OperationName, operation },
            { GenAI.ProviderName, context.ProviderName },
        };
        if (model is not null)
        {
            tags.Add(GenAI.RequestModel, model);
        }

        if (context.ServerAddress is not null)
        {
            tags.Add(GenAI.ServerAddress, context.ServerAddress);
            tags.Add(GenAI.ServerPort, context.ServerPort);
        }

        return tags;
    }
}
