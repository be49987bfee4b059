using System;
using System.Diagnostics;
using Microsoft.Extensions.AI;

namespace Assistants.Server.Telemetry;

/// <summary>The server's call to its model: a <c>chat {model}</c> span, its duration and token usage. A default value does nothing.</summary>
internal readonly struct ChatTelemetry
{
    private readonly Activity? _activity;
    private readonly string? _model;
    private readonly string _provider;
    private readonly long _started;

    private ChatTelemetry(Activity? activity, string? model, string provider)
    {
        _activity = activity;
        _model = model;
        _provider = provider;
        _started = Stopwatch.GetTimestamp();
    }

    /// <summary>Gets whether someone listens (the usage passed to <see cref="End"/> is worth computing).</summary>
    public bool IsEnabled => _provider is not null;

    public static ChatTelemetry Start(IChatClient client, string? model)
    {
        if (!ServerTelemetry.IsEnabled)
        {
            return default;
        }

        string provider = client.GetService<ChatClientMetadata>()?.ProviderName ?? ServerTelemetry.ProviderName;
        Activity? activity = ServerTelemetry.Source.StartActivity(model is null ? "chat" : "chat " + model, ActivityKind.Client);
        if (activity is { IsAllDataRequested: true })
        {
            activity.SetTag("gen_ai.operation.name", "chat")
                .SetTag("gen_ai.provider.name", provider)
                .SetTag("gen_ai.request.model", model);
        }

        return new ChatTelemetry(activity, model, provider);
    }

    /// <summary>Ends the span with the model's exception; returns <c>false</c>, for use in an exception filter.</summary>
    public bool Fail(Exception exception)
    {
        End(null, null, exception);
        return false;
    }

    /// <summary>Ends the span with the tokens the turn used (or the error), and records the metrics.</summary>
    public void End(long? inputTokens, long? outputTokens, Exception? error)
    {
        if (_provider is null)
        {
            return;
        }

        string? errorType = error?.GetType().FullName;
        if (_activity is not null)
        {
            _activity.SetTag("gen_ai.usage.input_tokens", inputTokens).SetTag("gen_ai.usage.output_tokens", outputTokens);
            if (errorType is not null)
            {
                _activity.SetTag("error.type", errorType).SetStatus(ActivityStatusCode.Error);
            }

            _activity.Stop();
        }

        TagList tags = new()
        {
            { "gen_ai.operation.name", "chat" },
            { "gen_ai.provider.name", _provider },
            { "gen_ai.request.model", _model },
        };
        if (errorType is not null)
        {
            tags.Add("error.type", errorType);
        }

        ServerTelemetry.ModelDuration.Record((Stopwatch.GetTimestamp() - _started) / (double)Stopwatch.Frequency, tags);
        if (inputTokens is { } input && ServerTelemetry.TokenUsage.Enabled)
        {
            TagList inputTags = tags;
            inputTags.Add("gen_ai.token.type", "input");
            ServerTelemetry.TokenUsage.Record(input, inputTags);
        }

        if (outputTokens is { } output && ServerTelemetry.TokenUsage.Enabled)
        {
            TagList outputTags = tags;
            outputTags.Add("gen_ai.token.type", "output");
            ServerTelemetry.TokenUsage.Record(output, outputTags);
        }
    }
}
