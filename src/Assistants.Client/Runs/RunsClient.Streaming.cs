using System.Collections.Generic;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Assistants.Client.Internal;
using Assistants.Client.Serialization;
using Assistants.Client.Telemetry;

namespace Assistants.Client;

/// <summary>The streaming variants of create run, create thread and run, and submit tool outputs (<c>"stream": true</c>).</summary>
public partial class RunsClient
{
    /// <summary>
    /// Starts a run and streams its events. The call returns once the response headers arrived; read the events with
    /// <c>await foreach</c> and dispose the stream (<c>await using</c>), or hand it to an <see cref="AssistantEventHandler"/>.
    /// </summary>
    /// <param name="threadId">The thread id.</param>
    /// <param name="assistantId">The assistant id.</param>
    /// <param name="options">The run options, or <c>null</c> for the assistant's settings.</param>
    /// <param name="cancellationToken">Cancels the call and the reading of the stream.</param>
    /// <returns>The run stream.</returns>
    /// <exception cref="System.ArgumentException">An id is null or empty, or an option is invalid or breaks the protocol's limits.</exception>
    /// <exception cref="AssistantsApiException">The server refused the request (for example <see cref="ActiveRunException"/>).</exception>
    public virtual Task<RunStream> CreateStreamingAsync(string threadId, string assistantId, RunCreationOptions? options = null, CancellationToken cancellationToken = default)
        => SendStreamingAsync(ApiOperations.CreateRunStream, BuildCreateRunRequest(threadId, assistantId, options, stream: true), threadId, null, cancellationToken);

    /// <summary>Creates a thread, starts a run on it and streams the events (the first is <c>thread.created</c>).</summary>
    /// <param name="assistantId">The assistant id.</param>
    /// <param name="threadOptions">The new thread's messages and settings, or <c>null</c> for an empty thread.</param>
    /// <param name="runOptions">The run options, or <c>null</c> for the assistant's settings.</param>
    /// <param name="cancellationToken">Cancels the call and the reading of the stream.</param>
    /// <returns>The run stream.</returns>
    /// <exception cref="System.ArgumentException">The assistant id is null or empty, or an option is invalid or breaks the protocol's limits.</exception>
    /// <exception cref="AssistantsApiException">The server refused the request.</exception>
    public virtual Task<RunStream> CreateThreadAndRunStreamingAsync(string assistantId, ThreadCreationOptions? threadOptions = null, RunCreationOptions? runOptions = null, CancellationToken cancellationToken = default)
        => SendStreamingAsync(ApiOperations.CreateThreadAndRunStream, BuildCreateThreadAndRunRequest(assistantId, threadOptions, runOptions, stream: true), null, null, cancellationToken);

    /// <summary>
    /// Answers the tool calls of a <c>requires_action</c> run and streams the rest of the run. The continuation starts
    /// with <c>thread.run.step.completed</c> (the tool step with its outputs), not <c>thread.run.created</c>; give it to
    /// the same <see cref="AssistantEventHandler"/> to see the run as one stream.
    /// </summary>
    /// <param name="threadId">The thread id.</param>
    /// <param name="runId">The run id.</param>
    /// <param name="toolOutputs">One output per required tool call.</param>
    /// <param name="cancellationToken">Cancels the call and the reading of the stream.</param>
    /// <returns>The run stream.</returns>
    /// <exception cref="System.ArgumentException">An id is null or empty, or an output lacks its tool call id.</exception>
    /// <exception cref="System.ArgumentNullException"><paramref name="toolOutputs"/> is null.</exception>
    /// <exception cref="AssistantsApiException">The server refused, for example because the run is not waiting for tool outputs.</exception>
    public virtual Task<RunStream> SubmitToolOutputsStreamingAsync(string threadId, string runId, IEnumerable<ToolOutput> toolOutputs, CancellationToken cancellationToken = default)
        => SendStreamingAsync(ApiOperations.SubmitToolOutputsStream, BuildSubmitToolOutputsRequest(threadId, runId, toolOutputs, stream: true), threadId, runId, cancellationToken);

    private async Task<RunStream> SendStreamingAsync(ApiOperation operation, HttpRequestMessage request, string? threadId, string? runId, CancellationToken cancellationToken)
    {
        // A stream's invoke_agent starts before its request (the HTTP span is its child); the stream ends it, or a tool loop takes it over.
        InvokeAgentScope telemetry = AgentTelemetry.StartInvokeAgent(_pipeline, null, threadId, runId);
        try
        {
            RunStream stream = await SendStreamRequestAsync(operation, request, threadId, runId, cancellationToken).ConfigureAwait(false);
            stream.AttachTelemetry(telemetry);
            return stream;
        }
        catch (System.Exception ex) when (telemetry.Fail(ex))
        {
            throw;
        }
        catch
        {
            telemetry.Dispose();
            throw;
        }
    }

    private async Task<RunStream> SendStreamRequestAsync(ApiOperation operation, HttpRequestMessage request, string? threadId, string? runId, CancellationToken cancellationToken)
    {
        using (request)
        {
            request.Headers.Remove("Accept");
            request.Headers.TryAddWithoutValidation("Accept", "text/event-stream");

            // A stream is never retried once sent: the POST may have started a run (the operations are NotAfterSend).
            HttpResponseMessage response = await _pipeline.SendAsync(operation, request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
            ThreadRun? unstreamed;
            try
            {
                // A server that ignored "stream": true answers the run as JSON; anything but an event stream or JSON is an error.
                unstreamed = await _pipeline.ReadUnstreamedAsync(response, request, AssistantsJsonContext.Default.ThreadRun, cancellationToken).ConfigureAwait(false);
            }
            catch
            {
                response.Dispose();
                throw;
            }

            if (unstreamed is not null)
            {
                response.Dispose();
                return new RunStream(_pipeline, unstreamed, cancellationToken);
            }

            return new RunStream(_pipeline, response, threadId, runId, cancellationToken);
        }
    }
}
