using System;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;

namespace Assistants.Client.Internal;

/// <summary>
/// The client's retry strategy: one Polly <see cref="ResiliencePipeline{T}"/> built per client from
/// <see cref="RetryOptions"/>, deciding through <see cref="RetryClassifier"/> and waiting on the client's
/// <see cref="TimeProvider"/>.
/// </summary>
internal sealed class RetryPolicy
{
    private static readonly ResiliencePropertyKey<RetrySafety> s_safety = new("Assistants.Client.RetrySafety");
    private static readonly ResiliencePropertyKey<string> s_method = new("Assistants.Client.Method");
    private static readonly ResiliencePropertyKey<string> s_path = new("Assistants.Client.Path");
    private static readonly ResiliencePropertyKey<HttpContent?> s_content = new("Assistants.Client.Content");

    [ThreadStatic]
    private static Random? t_random;

    private readonly RetryOptions _options;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;
    private readonly ResiliencePipeline<HttpResponseMessage> _pipeline;

    public RetryPolicy(RetryOptions options, TimeProvider timeProvider, ILogger logger)
    {
        _options = options;
        _timeProvider = timeProvider;
        _logger = logger;
        _pipeline = options.MaxRetries == 0
            ? ResiliencePipeline<HttpResponseMessage>.Empty
            : new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = timeProvider }
                .AddRetry(new RetryStrategyOptions<HttpResponseMessage>
                {
                    MaxRetryAttempts = options.MaxRetries,
                    BackoffType = DelayBackoffType.Constant,
                    Delay = TimeSpan.Zero,
                    UseJitter = false,
                    ShouldHandle = args => new ValueTask<bool>(Classify(args.Outcome, args.Context).Retry),
                    DelayGenerator = args => new ValueTask<TimeSpan?>(ComputeDelay(args.Outcome, args.Context, args.AttemptNumber)),
                    OnRetry = args =>
                    {
                        LogRetry(args);
                        return default;
                    },
                })
                .Build();
    }

    /// <summary>Runs <paramref name="attempt"/> (given the attempt number from 0) until it succeeds, fails for good or runs out of retries; <paramref name="content"/> is the request body, asked whether it can be sent again.</summary>
    public async Task<HttpResponseMessage> ExecuteAsync<TState>(
        Func<TState, int, CancellationToken, Task<HttpResponseMessage>> attempt,
        TState state,
        ApiOperation operation,
        HttpContent? content,
        string path,
        CancellationToken cancellationToken)
    {
        if (_options.MaxRetries == 0)
        {
            // Retries off: no resilience context, no pipeline, just the one attempt.
            return await attempt(state, 0, cancellationToken).ConfigureAwait(false);
        }

        ResilienceContext context = ResilienceContextPool.Shared.Get(cancellationToken);
        context.Properties.Set(s_safety, operation.Retry);
        context.Properties.Set(s_method, operation.Method.Method);
        context.Properties.Set(s_path, path);
        context.Properties.Set(s_content, content);
        try
        {
            AttemptState<TState> attempts = new(attempt, state);
            return await _pipeline.ExecuteAsync(
                static (ctx, s) => new ValueTask<HttpResponseMessage>(s.Callback(s.State, s.Next++, ctx.CancellationToken)),
                context,
                attempts).ConfigureAwait(false);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    /// <summary>The wait before retry <paramref name="attempt"/> + 1 when the server names none: doubling from the initial delay up to the maximum, less up to 25 % of jitter.</summary>
    internal TimeSpan Backoff(int attempt)
    {
        double ms = Math.Min(_options.InitialDelay.TotalMilliseconds * Math.Pow(2, Math.Min(attempt, 30)), _options.MaxDelay.TotalMilliseconds);
        if (_options.Jitter)
        {
            t_random ??= new Random();
            ms *= 1 - (0.25 * t_random.NextDouble());
        }

        return TimeSpan.FromMilliseconds(ms);
    }

    private RetryDecision Classify(Outcome<HttpResponseMessage> outcome, ResilienceContext context)
    {
        RetryDecision decision = Decide(outcome, context);
        if (!decision.Retry && (outcome.Exception is not null || outcome is { Result.IsSuccessStatusCode: false }) && _logger.IsEnabled(LogLevel.Debug))
        {
            string method = context.Properties.GetValue(s_method, "?");
            string path = context.Properties.GetValue(s_path, "?");
            Log.RetryDeclined(_logger, method, path, decision.Reason);
        }

        return decision;
    }

    private TimeSpan ComputeDelay(Outcome<HttpResponseMessage> outcome, ResilienceContext context, int attempt)
        => Decide(outcome, context).ServerDelay ?? Backoff(attempt);

    private RetryDecision Decide(Outcome<HttpResponseMessage> outcome, ResilienceContext context)
        => RetryClassifier.Classify(
            outcome,
            context.Properties.GetValue(s_safety, RetrySafety.Safe),
            RequestCopy.CanReplay(context.Properties.GetValue(s_content, null)),
            _options.MaxRetryAfter,
            _timeProvider.GetUtcNow());

    private void LogRetry(OnRetryArguments<HttpResponseMessage> args)
    {
        if (_logger.IsEnabled(LogLevel.Information))
        {
            RetryDecision decision = Decide(args.Outcome, args.Context);
            string method = args.Context.Properties.GetValue(s_method, "?");
            string path = args.Context.Properties.GetValue(s_path, "?");
            double delayMs = args.RetryDelay.TotalMilliseconds;
            Log.RetryScheduled(
                _logger,
                method,
                path,
                delayMs,
                args.AttemptNumber + 1,
                _options.MaxRetries,
                decision.Reason);
        }
    }

    private sealed class AttemptState<TState>
    {
        public AttemptState(Func<TState, int, CancellationToken, Task<HttpResponseMessage>> callback, TState state)
        {
            Callback = callback;
            State = state;
        }

        public Func<TState, int, CancellationToken, Task<HttpResponseMessage>> Callback { get; }

        public TState State { get; }

        public int Next { get; set; }
    }
}
