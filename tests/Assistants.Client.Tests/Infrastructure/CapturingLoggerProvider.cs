using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.Extensions.Logging;

namespace Assistants.Client.Tests;

/// <summary>One log line as written: level, event name, formatted text and the structured values.</summary>
internal sealed record LogLine(LogLevel Level, string? EventName, string Category, string Message, IReadOnlyList<KeyValuePair<string, object?>> State)
{
    public string AllText => Message + " " + string.Join(" ", State.Select(kv => kv.Key + "=" + kv.Value));
}

/// <summary>Collects every log line at every level, for assertions on what the library logs (and never logs).</summary>
internal sealed class CapturingLoggerProvider : ILoggerProvider
{
    public List<LogLine> Lines { get; } = new();

    public ILoggerFactory CreateFactory()
        => LoggerFactory.Create(builder => builder.SetMinimumLevel(LogLevel.Trace).AddProvider(this));

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    private sealed class Logger(CapturingLoggerProvider owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull
            => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            IReadOnlyList<KeyValuePair<string, object?>> values = state as IReadOnlyList<KeyValuePair<string, object?>> ?? Array.Empty<KeyValuePair<string, object?>>();
            lock (owner.Lines)
            {
                owner.Lines.Add(new LogLine(logLevel, eventId.Name, category, formatter(state, exception) + (exception is null ? string.Empty : " " + exception), values));
            }
        }
    }
}
