using System;
using System.Collections;
using System.Collections.Generic;
using Microsoft.Extensions.Logging;

namespace Assistants.Client.Internal;

/// <summary>
/// The library's logger: every line passes through here, and a line whose values hold a secret (a request id or an
/// unknown status a server filled with the key) is written with those values, and its text, masked. A line without
/// a secret is handed on untouched, and nothing is done at all when the level is off.
/// </summary>
internal sealed class RedactingLogger : ILogger
{
    private readonly ILogger _inner;
    private readonly SecretRedactor _secrets;

    public RedactingLogger(ILogger inner, SecretRedactor secrets)
    {
        _inner = inner;
        _secrets = secrets;
    }

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull
        => _inner.BeginScope(state);

    public bool IsEnabled(LogLevel logLevel) => _inner.IsEnabled(logLevel);

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        if (state is IReadOnlyList<KeyValuePair<string, object?>> values && HasSecret(values))
        {
            KeyValuePair<string, object?>[] masked = new KeyValuePair<string, object?>[values.Count];
            for (int i = 0; i < masked.Length; i++)
            {
                masked[i] = values[i].Value is string text ? new(values[i].Key, _secrets.Redact(text)) : values[i];
            }

            RedactedState redacted = new(masked, _secrets.Redact(formatter(state, exception)));
            _inner.Log(logLevel, eventId, redacted, exception, static (s, _) => s.Message);
            return;
        }

        _inner.Log(logLevel, eventId, state, exception, formatter);
    }

    private bool HasSecret(IReadOnlyList<KeyValuePair<string, object?>> values)
    {
        for (int i = 0; i < values.Count; i++)
        {
            if (values[i].Value is string text && !ReferenceEquals(_secrets.Redact(text), text))
            {
                return true;
            }
        }

        return false;
    }

    private sealed class RedactedState : IReadOnlyList<KeyValuePair<string, object?>>
    {
        private readonly KeyValuePair<string, object?>[] _values;

        public RedactedState(KeyValuePair<string, object?>[] values, string message)
        {
            _values = values;
            Message = message;
        }

        public string Message { get; }

        public int Count => _values.Length;

        public KeyValuePair<string, object?> this[int index] => _values[index];

        public IEnumerator<KeyValuePair<string, object?>> GetEnumerator() => ((IEnumerable<KeyValuePair<string, object?>>)_values).GetEnumerator();

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

        public override string ToString() => Message;
    }
}
