namespace Assistants.Client.Internal;

/// <summary>
/// The hard limits the Assistants v2 spec (<c>openapi.yaml</c>) states for request bodies and list queries, the one
/// table every local check reads. Each entry quotes the spec. Everything else (models, ids, file existence, content
/// sizes, whether a tool fits a model) is left to the server. Bounds are inclusive.
/// </summary>
internal static class ProtocolLimits
{
    // Metadata: "Set of 16 key-value pairs ... Keys are strings with a maximum length of 64 characters.
    // Values are strings with a maximum length of 512 characters."
    public const int MetadataMaxPairs = 16;
    public const int MetadataMaxKeyLength = 64;
    public const int MetadataMaxValueLength = 512;

    // List `limit`: "Limit can range between 1 and 100, and the default is 20."
    public const int ListLimitMin = 1;
    public const int ListLimitMax = 100;

    // GET /files `limit`: "Limit can range between 1 and 10,000, and the default is 10,000."
    public const int FileListLimitMax = 10_000;

    // temperature: "What sampling temperature to use, between 0 and 2." (minimum: 0, maximum: 2)
    public const double TemperatureMin = 0;
    public const double TemperatureMax = 2;

    // top_p: minimum: 0, maximum: 1 ("So 0.1 means only the tokens comprising the top 10% probability mass").
    public const double TopPMin = 0;
    public const double TopPMax = 1;

    // Assistant name: "The maximum length is 256 characters."
    public const int AssistantNameMaxLength = 256;

    // Assistant description: "The maximum length is 512 characters."
    public const int AssistantDescriptionMaxLength = 512;

    // Assistant instructions: "The maximum length is 256,000 characters." (runs state no limit on theirs)
    public const int AssistantInstructionsMaxLength = 256_000;

    // Function name (and response_format json_schema name): "Must be a-z, A-Z, 0-9, or contain underscores and
    // dashes, with a maximum length of 64." That is ^[a-zA-Z0-9_-]{1,64}$, checked by Argument.FunctionName.
    public const int FunctionNameMaxLength = 64;

    // Assistant tools: "There can be a maximum of 128 tools per assistant." (maxItems: 128)
    public const int AssistantMaxTools = 128;

    // Run tools: "Override the tools the assistant can use for this run." (maxItems: 20)
    public const int RunMaxTools = 20;

    // tool_resources.code_interpreter.file_ids: "There can be a maximum of 20 files associated with the tool."
    public const int CodeInterpreterMaxFileIds = 20;

    // tool_resources.file_search.vector_store_ids / vector_stores: "There can be a maximum of 1 vector store
    // attached to the assistant." (the same for a thread)
    public const int FileSearchMaxVectorStores = 1;

    // file_search tool and vector store search max_num_results: "This number should be between 1 and 50 inclusive."
    public const int FileSearchMaxNumResultsMin = 1;
    public const int FileSearchMaxNumResultsMax = 50;

    // ranking_options.score_threshold: "All values must be a floating point number between 0 and 1."
    public const double ScoreThresholdMin = 0;
    public const double ScoreThresholdMax = 1;

    // Runs max_prompt_tokens / max_completion_tokens: minimum: 256.
    public const int RunMaxTokensMin = 256;

    // truncation_strategy.last_messages: "The number of most recent messages ..." minimum: 1.
    public const int TruncationLastMessagesMin = 1;

    // Static chunking max_chunk_size_tokens: "The minimum value is `100` and the maximum value is `4096`."
    public const int ChunkSizeMin = 100;
    public const int ChunkSizeMax = 4096;

    // chunk_overlap_tokens: "Note that the overlap must not exceed half of `max_chunk_size_tokens`." (and is a count, so >= 0)
    public const int ChunkOverlapMin = 0;

    // Vector store expires_after.days: "The number of days after the anchor time ..." minimum: 1, maximum: 365.
    public const int ExpirationDaysMin = 1;
    public const int ExpirationDaysMax = 365;

    // Create vector store file_ids: maxItems: 500.
    public const int VectorStoreMaxFileIds = 500;

    // File batch file_ids / files: "The maximum batch size is 2000 files." (minItems: 1, maxItems: 2000)
    public const int FileBatchMaxFiles = 2000;
}
