namespace Assistants.Client.Telemetry;

/// <summary>
/// The names this library emits, from the OpenTelemetry GenAI semantic conventions v1.38.0 (agent spans, client
/// metrics), declared once so every span, metric and test reads them from here.
/// </summary>
internal static class GenAI
{
    public const string SemanticConventionsVersion = "1.38.0";

    public const string OperationName = "gen_ai.operation.name";
    public const string ProviderName = "gen_ai.provider.name";
    public const string AgentId = "gen_ai.agent.id";
    public const string AgentName = "gen_ai.agent.name";
    public const string AgentDescription = "gen_ai.agent.description";
    public const string ConversationId = "gen_ai.conversation.id";
    public const string RequestModel = "gen_ai.request.model";
    public const string ResponseModel = "gen_ai.response.model";
    public const string ResponseId = "gen_ai.response.id";
    public const string ResponseFinishReasons = "gen_ai.response.finish_reasons";
    public const string InputTokens = "gen_ai.usage.input_tokens";
    public const string OutputTokens = "gen_ai.usage.output_tokens";
    public const string SystemInstructions = "gen_ai.system_instructions";
    public const string TokenType = "gen_ai.token.type";
    public const string ToolName = "gen_ai.tool.name";
    public const string ToolType = "gen_ai.tool.type";
    public const string ToolCallId = "gen_ai.tool.call.id";
    public const string ToolCallArguments = "gen_ai.tool.call.arguments";
    public const string ToolCallResult = "gen_ai.tool.call.result";
    public const string ServerAddress = "server.address";
    public const string ServerPort = "server.port";
    public const string ErrorType = "error.type";

    /// <summary>The run's status as the Assistants protocol names it (a custom attribute: the conventions have none).</summary>
    public const string RunStatus = "assistants.run.status";

    /// <summary>The event added to an <c>invoke_agent</c> span each time the run's status changes.</summary>
    public const string RunStatusEvent = "assistants.run.status_changed";

    public const string CreateAgent = "create_agent";
    public const string InvokeAgent = "invoke_agent";
    public const string ExecuteTool = "execute_tool";
    public const string Chat = "chat";

    public const string OperationDurationMetric = "gen_ai.client.operation.duration";
    public const string TokenUsageMetric = "gen_ai.client.token.usage";

    /// <summary>The explicit bucket advice of <c>gen_ai.client.operation.duration</c> (seconds).</summary>
    public static readonly double[] DurationBuckets = [0.01, 0.02, 0.04, 0.08, 0.16, 0.32, 0.64, 1.28, 2.56, 5.12, 10.24, 20.48, 40.96, 81.92];

    /// <summary>The explicit bucket advice of <c>gen_ai.client.token.usage</c> (tokens).</summary>
    public static readonly long[] TokenBuckets = [1, 4, 16, 64, 256, 1024, 4096, 16384, 65536, 262144, 1048576, 4194304, 16777216, 67108864];
}
