using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.Json;

namespace Assistants.Client.Internal;

/// <summary>
/// The one set of secrets a client holds, and the one place that masks them in what the library shows: exception
/// messages, raw bodies, error objects, exposed headers and log lines. Some servers echo the credential they were
/// given (in an error message, a stream <c>error</c> event or a <c>WWW-Authenticate</c> header).
/// </summary>
/// <remarks>
/// <para>Secrets: the options' API key; every default header whose name is secret (see <see cref="AlwaysSecretHeaders"/>
/// and <see cref="AssistantsClientOptions.SecretHeaderNames"/>), whole and, for a <c>scheme credential</c> value, its
/// credential part; and the last <see cref="MaxTokens"/> distinct credentials the token provider issued.</para>
/// <para>Only values of at least <see cref="MinLength"/> characters are secrets: a placeholder key such as <c>x</c> would
/// otherwise mangle every message. Reads are lock-free over an immutable snapshot, longest secret first.</para>
/// </remarks>
internal sealed class SecretRedactor
{
    /// <summary>What replaces a secret.</summary>
    public const string Mask = "[REDACTED]";

    /// <summary>The shortest value treated as a secret.</summary>
    public const int MinLength = 8;

    /// <summary>How many distinct token-provider credentials are remembered (the most recent ones; older ones are forgotten).</summary>
    public const int MaxTokens = 32;

    /// <summary>Header names whose values are secret whatever the options say.</summary>
    public static readonly IReadOnlyList<string> AlwaysSecretHeaders = new[] { "Authorization", "api-key" };

    /// <summary>Gets a redactor that holds no secret (streams read without a client).</summary>
    public static SecretRedactor None { get; } = new(new AssistantsClientOptions());

    private readonly HashSet<string> _secretHeaders;
    private readonly string[] _pinned;
    private readonly List<string> _tokens = new(MaxTokens);
    private readonly object _gate = new();
    private volatile string? _latestToken;
    private volatile Secret[] _secrets;

    public SecretRedactor(AssistantsClientOptions options)
    {
        _secretHeaders = new HashSet<string>(AlwaysSecretHeaders.Concat(options.SecretHeaderNames), StringComparer.OrdinalIgnoreCase);
        List<string> pinned = new();
        if (options.ApiKey is { } key)
        {
            pinned.Add(key);
        }

        foreach (KeyValuePair<string, string> header in options.DefaultHeaders)
        {
            if (_secretHeaders.Contains(header.Key) && header.Value is { } value)
            {
                pinned.Add(value.Trim());
                int space = value.Trim().IndexOf(' ');
                if (space > 0)
                {
                    pinned.Add(value.Trim().Substring(space + 1).Trim());
                }
            }
        }

        _pinned = pinned.ToArray();
        _secrets = Build();
    }

    /// <summary>Gets whether no secret is long enough to be redacted (nothing to do).</summary>
    public bool IsEmpty => _secrets.Length == 0;

    /// <summary>Gets whether a header of this name carries a secret as its whole value.</summary>
    public bool IsSecretHeader(string name) => _secretHeaders.Contains(name);

    /// <summary>Remembers a credential the token provider issued; the oldest of more than <see cref="MaxTokens"/> is forgotten.</summary>
    public void Remember(string? token)
    {
        // The common case (the same token again) costs one comparison and no lock.
        if (token is null || token.Length < MinLength || string.Equals(token, _latestToken, StringComparison.Ordinal))
        {
            return;
        }

        lock (_gate)
        {
            _latestToken = token;
            int index = _tokens.IndexOf(token);
            if (index >= 0)
            {
                // Already known: it only becomes the most recent again; the set is unchanged.
                _tokens.RemoveAt(index);
                _tokens.Add(token);
                return;
            }

            if (_tokens.Count == MaxTokens)
            {
                _tokens.RemoveAt(0);
            }

            _tokens.Add(token);
            _secrets = Build();
        }
    }

    /// <summary>Masks every secret in <paramref name="text"/>; returns the same instance when there is none.</summary>
    public string Redact(string text)
    {
        foreach (Secret secret in _secrets)
        {
            if (text.Contains(secret.Text))
            {
                text = text.Replace(secret.Text, Mask);
            }
        }

        return text;
    }

    /// <summary>Masks every secret in <paramref name="text"/>, passing <c>null</c> through.</summary>
    public string? RedactOrNull(string? text) => text is null ? null : Redact(text);

    /// <summary>Masks every secret in a UTF-8 body; returns the same array (no copy) when there is none.</summary>
    public byte[] Redact(byte[] utf8)
    {
        ReadOnlySpan<byte> clean = Redact(new ReadOnlySpan<byte>(utf8));
        return clean.Length == utf8.Length && clean == utf8 ? utf8 : clean.ToArray();
    }

    /// <summary>Masks every secret in a UTF-8 body; returns the same bytes (no copy) when there is none.</summary>
    public ReadOnlySpan<byte> Redact(ReadOnlySpan<byte> utf8)
    {
        foreach (Secret secret in _secrets)
        {
            if (utf8.IndexOf(secret.Utf8) >= 0)
            {
                return Encoding.UTF8.GetBytes(Redact(Encoding.UTF8.GetString(utf8.ToArray())));
            }
        }

        return utf8;
    }

    /// <summary>
    /// Returns the error with its fields masked. Its body was redacted before parsing, so this only acts when the
    /// server escaped a secret in JSON (<c>\u0041</c>): the copy then drops the unknown properties rather than check them.
    /// </summary>
    public ApiError? Redact(ApiError? error)
    {
        if (error is null)
        {
            return null;
        }

        string? message = RedactOrNull(error.Message);
        string? type = RedactOrNull(error.Type);
        string? param = RedactOrNull(error.Param);
        string? code = RedactOrNull(error.Code);
        bool extrasClean = error.AdditionalProperties is null
            || error.AdditionalProperties.All(p => ReferenceEquals(p.Key, Redact(p.Key)) && !Contains(p.Value.GetRawText()));
        if (ReferenceEquals(message, error.Message) && ReferenceEquals(type, error.Type) && ReferenceEquals(param, error.Param)
            && ReferenceEquals(code, error.Code) && extrasClean)
        {
            return error;
        }

        return new ApiError { Message = message, Type = type, Param = param, Code = code };
    }

    /// <summary>Returns the parser's exception, or a copy with its message masked (and no position) when the message holds a secret.</summary>
    public JsonException Redact(JsonException exception)
    {
        string message = Redact(exception.Message);
        return ReferenceEquals(message, exception.Message) ? exception : new JsonException(message);
    }

    /// <summary>Returns a header value as it may be shown: whole-masked for a secret header, otherwise with secrets masked.</summary>
    public string RedactHeader(string name, string value)
        => IsSecretHeader(name) && value.Length > 0 ? Mask : Redact(value);

    private bool Contains(string text) => !ReferenceEquals(Redact(text), text);

    private Secret[] Build()
        => _pinned.Concat(_tokens)
            .Where(s => s.Length >= MinLength)
            .Distinct(StringComparer.Ordinal)
            .OrderByDescending(s => s.Length)
            .Select(s => new Secret(s))
            .ToArray();

    private sealed class Secret
    {
        public Secret(string text)
        {
            Text = text;
            Utf8 = Encoding.UTF8.GetBytes(text);
        }

        public string Text { get; }

        public byte[] Utf8 { get; }
    }
}
