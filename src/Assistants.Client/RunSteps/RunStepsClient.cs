using System.Threading;
using System.Threading.Tasks;
using Assistants.Client.Internal;
using Assistants.Client.Serialization;

namespace Assistants.Client;

/// <summary>Reads and lists the steps of a run (<c>/threads/{thread_id}/runs/{run_id}/steps</c>).</summary>
public partial class RunStepsClient
{
    private readonly ClientPipeline _pipeline;

    /// <summary>Initializes a client for mocking; its methods must be overridden.</summary>
    protected RunStepsClient()
    {
        _pipeline = null!;
    }

    internal RunStepsClient(ClientPipeline pipeline) => _pipeline = pipeline;

    /// <summary>Retrieves a step of a run.</summary>
    /// <param name="threadId">The thread id.</param>
    /// <param name="runId">The run id.</param>
    /// <param name="stepId">The step id.</param>
    /// <param name="options">Extra fields to return (<c>include[]</c>).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The run step.</returns>
    /// <exception cref="System.ArgumentException">An id is null or empty, or an include value is empty.</exception>
    /// <exception cref="ResourceNotFoundException">No such thread, run or step.</exception>
    public virtual Task<RunStep> GetAsync(string threadId, string runId, string stepId, RunStepRetrievalOptions? options = null, CancellationToken cancellationToken = default)
    {
        Argument.Id(threadId, nameof(threadId));
        Argument.Id(runId, nameof(runId));
        Argument.Id(stepId, nameof(stepId));
        QueryBuilder? query = RunsClient.IncludeQuery(options?.Include, "options.Include");
        string path = RunsClient.RunPath(threadId, runId) + "/steps/" + PathSegment.Escape(stepId);
        return _pipeline.CallAsync(ApiOperations.GetRunStep, path, null, AssistantsJsonContext.Default.RunStep, cancellationToken, query);
    }

    /// <summary>Lists the steps of a run, page by page as the caller enumerates.</summary>
    /// <param name="threadId">The thread id.</param>
    /// <param name="runId">The run id.</param>
    /// <param name="options">The page size, order, cursors and extra fields (<c>include[]</c>).</param>
    /// <param name="cancellationToken">Cancels every page request.</param>
    /// <returns>The run steps, as items or as pages.</returns>
    /// <exception cref="System.ArgumentException">An id is null or empty, or an include value is empty.</exception>
    /// <exception cref="System.ArgumentOutOfRangeException">The limit is outside 1 to 100.</exception>
    public virtual AsyncPageable<RunStep> ListAsync(string threadId, string runId, RunStepCollectionOptions? options = null, CancellationToken cancellationToken = default)
    {
        Argument.Id(threadId, nameof(threadId));
        Argument.Id(runId, nameof(runId));
        string[]? include = RunsClient.IncludeValues(options?.Include, "options.Include");
        return PageBuilder.Create(
            _pipeline,
            ApiOperations.ListRunSteps,
            RunsClient.RunPath(threadId, runId) + "/steps",
            options,
            AssistantsJsonContext.Default.ListResponseRunStep,
            s => s.Id,
            cancellationToken,
            include is null ? null : q => q.AddAll("include[]", include));
    }
}
