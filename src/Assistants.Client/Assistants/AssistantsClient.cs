using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Assistants.Client.Internal;
using Assistants.Client.Serialization;
using Assistants.Client.Telemetry;

namespace Assistants.Client;

/// <summary>Creates, reads, changes, deletes and lists assistants (<c>/assistants</c>).</summary>
public class AssistantsClient
{
    private readonly ClientPipeline _pipeline;

    /// <summary>Initializes a client for mocking; its methods must be overridden.</summary>
    protected AssistantsClient()
    {
        _pipeline = null!;
    }

    internal AssistantsClient(ClientPipeline pipeline) => _pipeline = pipeline;

    /// <summary>Creates an assistant.</summary>
    /// <param name="model">The model the assistant uses.</param>
    /// <param name="options">The assistant's optional parts.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The new assistant.</returns>
    /// <exception cref="System.ArgumentException"><paramref name="model"/> is empty, or an option breaks the protocol's limits (a number outside its range, NaN or infinity, a text or list too long, an invalid function name).</exception>
    /// <exception cref="AssistantsApiException">The server refused the request.</exception>
    public virtual Task<Assistant> CreateAsync(string model, AssistantCreationOptions? options = null, CancellationToken cancellationToken = default)
    {
        Argument.NotNullOrEmpty(model, nameof(model));
        OptionsValidation.Assistant(options, nameof(options));
        HttpContent content = RequestBody.Create(options, AssistantsJsonContext.Default.AssistantCreationOptions, w => w.WriteString("model", model));
        return AgentTelemetry.IsEnabled
            ? CreateTracedAsync(model, options?.Name, content, cancellationToken)
            : _pipeline.CallAsync(ApiOperations.CreateAssistant, "assistants", content, AssistantsJsonContext.Default.Assistant, cancellationToken);
    }

    /// <summary>The create call inside a <c>create_agent</c> span (the HTTP span is its child).</summary>
    private async Task<Assistant> CreateTracedAsync(string model, string? name, HttpContent content, CancellationToken cancellationToken)
    {
        OperationTelemetry? telemetry = AgentTelemetry.StartCreateAgent(_pipeline, model, name);
        try
        {
            Assistant assistant = await _pipeline.CallAsync(ApiOperations.CreateAssistant, "assistants", content, AssistantsJsonContext.Default.Assistant, cancellationToken).ConfigureAwait(false);
            telemetry?.Succeed(assistant);
            return assistant;
        }
        catch (System.Exception ex) when (telemetry?.Fail(ex) == true)
        {
            throw;
        }
    }

    /// <summary>Retrieves an assistant.</summary>
    /// <param name="assistantId">The assistant id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The assistant.</returns>
    /// <exception cref="System.ArgumentException"><paramref name="assistantId"/> is null or empty.</exception>
    /// <exception cref="ResourceNotFoundException">No assistant has this id.</exception>
    public virtual Task<Assistant> GetAsync(string assistantId, CancellationToken cancellationToken = default)
    {
        Argument.Id(assistantId, nameof(assistantId));
        return _pipeline.CallAsync(ApiOperations.GetAssistant, "assistants/" + PathSegment.Escape(assistantId), null, AssistantsJsonContext.Default.Assistant, cancellationToken);
    }

    /// <summary>Changes an assistant; properties left <c>null</c> keep their value.</summary>
    /// <param name="assistantId">The assistant id.</param>
    /// <param name="options">The changes.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The changed assistant.</returns>
    /// <exception cref="System.ArgumentException"><paramref name="assistantId"/> is null or empty, or an option breaks the protocol's limits (a number outside its range, NaN or infinity, a text or list too long, an invalid function name).</exception>
    /// <exception cref="ResourceNotFoundException">No assistant has this id.</exception>
    public virtual Task<Assistant> ModifyAsync(string assistantId, AssistantModificationOptions options, CancellationToken cancellationToken = default)
    {
        Argument.Id(assistantId, nameof(assistantId));
        Argument.NotNull(options, nameof(options));
        OptionsValidation.Assistant(options, nameof(options));
        HttpContent content = ClientPipeline.JsonContent(options, AssistantsJsonContext.Default.AssistantModificationOptions);
        return _pipeline.CallAsync(ApiOperations.ModifyAssistant, "assistants/" + PathSegment.Escape(assistantId), content, AssistantsJsonContext.Default.Assistant, cancellationToken);
    }

    /// <summary>Deletes an assistant.</summary>
    /// <param name="assistantId">The assistant id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The deletion result.</returns>
    /// <exception cref="System.ArgumentException"><paramref name="assistantId"/> is null or empty.</exception>
    /// <exception cref="ResourceNotFoundException">No assistant has this id.</exception>
    public virtual Task<DeletionResult> DeleteAsync(string assistantId, CancellationToken cancellationToken = default)
    {
        Argument.Id(assistantId, nameof(assistantId));
        return _pipeline.CallAsync(ApiOperations.DeleteAssistant, "assistants/" + PathSegment.Escape(assistantId), null, AssistantsJsonContext.Default.DeletionResult, cancellationToken);
    }

    /// <summary>Lists assistants, page by page as the caller enumerates.</summary>
    /// <param name="options">The page size, order and cursors.</param>
    /// <param name="cancellationToken">Cancels every page request.</param>
    /// <returns>The assistants, as items or as pages.</returns>
    /// <exception cref="System.ArgumentOutOfRangeException">The limit is outside 1 to 100.</exception>
    public virtual AsyncPageable<Assistant> ListAsync(AssistantCollectionOptions? options = null, CancellationToken cancellationToken = default)
        => PageBuilder.Create(_pipeline, ApiOperations.ListAssistants, "assistants", options, AssistantsJsonContext.Default.ListResponseAssistant, a => a.Id, cancellationToken);
}
