using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;
using Assistants.Client.Internal;

namespace Assistants.Client.Serialization;

/// <summary>
/// The one source-generated serializer context of the library (trim- and NativeAOT-safe). Every wire type,
/// and every subtype a polymorphic converter resolves, is declared here, grouped by resource. The hot models are read
/// by hand (<see cref="HandReadConverter{T}"/>); their generated metadata without the hand readers is in
/// <see cref="FallbackJsonContext"/>.
/// </summary>
[JsonSourceGenerationOptions(
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    Converters = new[] { typeof(ThreadMessageConverter), typeof(ThreadRunConverter) })]
//// Core
[JsonSerializable(typeof(ApiError))]
[JsonSerializable(typeof(DeletionResult))]
[JsonSerializable(typeof(JsonElement))]
[JsonSerializable(typeof(Dictionary<string, string>))]
//// Assistants
[JsonSerializable(typeof(Assistant))]
[JsonSerializable(typeof(AssistantCreationOptions))]
[JsonSerializable(typeof(AssistantModificationOptions))]
[JsonSerializable(typeof(ListResponse<Assistant>))]
[JsonSerializable(typeof(ListResponse<AssistantThread>))]
[JsonSerializable(typeof(CodeInterpreterToolDefinition))]
[JsonSerializable(typeof(FileSearchToolDefinition))]
[JsonSerializable(typeof(FunctionToolDefinition))]
[JsonSerializable(typeof(ResponseFormatJsonSchema))]
//// Threads
[JsonSerializable(typeof(AssistantThread))]
[JsonSerializable(typeof(ThreadCreationOptions))]
[JsonSerializable(typeof(ThreadModificationOptions))]
[JsonSerializable(typeof(ThreadInitializationMessage))]
//// Messages
[JsonSerializable(typeof(ThreadMessage))]
[JsonSerializable(typeof(ListResponse<ThreadMessage>))]
[JsonSerializable(typeof(MessageCreationOptions))]
[JsonSerializable(typeof(MessageModificationOptions))]
[JsonSerializable(typeof(MessageContentPart))]
[JsonSerializable(typeof(List<MessageContentPart>))]
[JsonSerializable(typeof(MessageTextContent))]
[JsonSerializable(typeof(MessageImageFileContent))]
[JsonSerializable(typeof(MessageImageUrlContent))]
[JsonSerializable(typeof(MessageRefusalContent))]
[JsonSerializable(typeof(FileCitationAnnotation))]
[JsonSerializable(typeof(FilePathAnnotation))]
//// Runs
[JsonSerializable(typeof(ThreadRun))]
[JsonSerializable(typeof(ListResponse<ThreadRun>))]
[JsonSerializable(typeof(SubmitToolOutputsRequest))]
[JsonSerializable(typeof(SubmitToolApprovalsRequest))]
[JsonSerializable(typeof(RunCreationOptions))]
[JsonSerializable(typeof(RunModificationOptions))]
//// RunSteps
[JsonSerializable(typeof(RunStep))]
[JsonSerializable(typeof(ListResponse<RunStep>))]
[JsonSerializable(typeof(RunStepMessageCreationDetails))]
[JsonSerializable(typeof(RunStepToolCallDetails))]
[JsonSerializable(typeof(RunStepFunctionToolCall))]
[JsonSerializable(typeof(RunStepCodeInterpreterToolCall))]
[JsonSerializable(typeof(RunStepFileSearchToolCall))]
[JsonSerializable(typeof(RunStepCodeInterpreterLogOutput))]
[JsonSerializable(typeof(RunStepCodeInterpreterImageOutput))]
//// Files
[JsonSerializable(typeof(StoredFile))]
[JsonSerializable(typeof(ListResponse<StoredFile>))]
//// VectorStores
[JsonSerializable(typeof(VectorStore))]
[JsonSerializable(typeof(VectorStoreCreationOptions))]
[JsonSerializable(typeof(VectorStoreModificationOptions))]
[JsonSerializable(typeof(ListResponse<VectorStore>))]
[JsonSerializable(typeof(VectorStoreFile))]
[JsonSerializable(typeof(VectorStoreFileCreationOptions))]
[JsonSerializable(typeof(ListResponse<VectorStoreFile>))]
[JsonSerializable(typeof(VectorStoreFileBatch))]
[JsonSerializable(typeof(AutoChunkingStrategy))]
[JsonSerializable(typeof(StaticChunkingStrategy))]
[JsonSerializable(typeof(OtherChunkingStrategy))]
[JsonSerializable(typeof(VectorStoreSearchOptions))]
[JsonSerializable(typeof(VectorStoreSearchResults))]
[JsonSerializable(typeof(VectorStoreFileContent))]
[JsonSerializable(typeof(VectorStoreBatchFile))]
//// Streaming
[JsonSerializable(typeof(MessageDelta))]
[JsonSerializable(typeof(MessageTextContentDelta))]
[JsonSerializable(typeof(MessageImageFileContentDelta))]
[JsonSerializable(typeof(MessageImageUrlContentDelta))]
[JsonSerializable(typeof(MessageRefusalContentDelta))]
[JsonSerializable(typeof(FileCitationAnnotationDelta))]
[JsonSerializable(typeof(FilePathAnnotationDelta))]
[JsonSerializable(typeof(RunStepDelta))]
[JsonSerializable(typeof(RunStepMessageCreationDeltaDetails))]
[JsonSerializable(typeof(RunStepToolCallsDeltaDetails))]
[JsonSerializable(typeof(RunStepFunctionToolCallDelta))]
[JsonSerializable(typeof(RunStepCodeInterpreterToolCallDelta))]
[JsonSerializable(typeof(RunStepFileSearchToolCallDelta))]
[JsonSerializable(typeof(CodeInterpreterLogsOutputDelta))]
[JsonSerializable(typeof(CodeInterpreterImageOutputDelta))]
//// Resilience
internal sealed partial class AssistantsJsonContext : JsonSerializerContext
{
}
