using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Assistants.Server.Search;
using Microsoft.Extensions.AI;

namespace Assistants.Server.Model;

/// <summary>
/// The offline default model: a deterministic <see cref="IChatClient"/> that answers with scripted turns in order
/// and, when the script is empty, with a fixed reply that says it is the scripted offline model. When the run
/// searched files, that reply quotes the sentence of the top result that best matches the question and cites it
/// with the result's marker (<c>【m:0†file name】</c>), which the server turns into a <c>file_citation</c>.
/// </summary>
/// <remarks>
/// Tokens are counted as whitespace-separated words, both for usage and for <see cref="ChatOptions.MaxOutputTokens"/>
/// (a reply longer than the limit is cut and finishes with <see cref="ChatFinishReason.Length"/>).
/// </remarks>
public sealed class ScriptedChatClient : IChatClient
{
    /// <summary>The model id reported by every answer.</summary>
    public const string ModelId = "scripted-offline-model";

    /// <summary>The words every default reply starts with.</summary>
    public const string DefaultReplyPrefix = "[scripted offline model]";

    private readonly ConcurrentQueue<ScriptedTurn> _turns = new();
    private int _callCount;

    /// <summary>Gets the number of scripted turns not yet used.</summary>
    public int PendingTurns => _turns.Count;

    /// <summary>Adds a turn to the end of the script.</summary>
    /// <param name="turn">The turn.</param>
    /// <returns>This client.</returns>
    public ScriptedChatClient Enqueue(ScriptedTurn turn)
    {
        ArgumentNullException.ThrowIfNull(turn);
        _turns.Enqueue(turn);
        return this;
    }

    /// <summary>Gets the options of the latest model call (the tools it was offered, the model id, ...), for tests.</summary>
    public ChatOptions? LastOptions { get; private set; }

    /// <summary>Gets the messages of the latest model call (the prompt the server built, with its text and images), for tests.</summary>
    public IReadOnlyList<ChatMessage> LastMessages { get; private set; } = [];

    /// <inheritdoc />
    public async Task<ChatResponse> GetResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
        await GetStreamingResponseAsync(messages, options, cancellationToken).ToChatResponseAsync(cancellationToken).ConfigureAwait(false);

    /// <inheritdoc />
    public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(messages);
        List<ChatMessage> prompt = [.. messages];
        LastOptions = options;
        LastMessages = prompt;
        ScriptedTurn turn = _turns.TryDequeue(out ScriptedTurn? next) ? next : ScriptedTurn.Reply(DefaultReply(prompt));
        turn.MarkStarted();
        if (turn.Release is not null)
        {
            await turn.Release.WaitAsync(turn.IgnoresCancellationWhileHeld ? CancellationToken.None : cancellationToken).ConfigureAwait(false);
        }

        cancellationToken.ThrowIfCancellationRequested();
        if (turn.Exception is not null)
        {
            throw turn.Exception;
        }

        long inputTokens = prompt.Sum(message => (long)CountWords(message.Text));
        long outputTokens = 0;
        ChatFinishReason finish = ChatFinishReason.Stop;
        if (turn.Code is not null)
        {
            string callId = $"call_scripted{Interlocked.Increment(ref _callCount):D4}";
            foreach (string fragment in Chunk(turn.Code))
            {
                outputTokens++;
                yield return Update(new CodeInterpreterToolCallContent(callId) { Inputs = [new TextContent(fragment)] });
            }

            List<AIContent> outputs = [new TextContent(turn.CodeLogs)];
            outputs.AddRange(turn.CodeOutputFiles);
            yield return Update(new CodeInterpreterToolResultContent(callId) { Outputs = outputs });
        }

        if (turn.Text is not null)
        {
            string[] words = Chunk(turn.Text);
            int max = options?.MaxOutputTokens ?? int.MaxValue;
            if (words.Length > max)
            {
                words = words[..max];
                finish = ChatFinishReason.Length;
            }

            foreach (string word in words)
            {
                outputTokens++;
                yield return Update(new TextContent(word));
            }
        }

        foreach (KeyValuePair<string, string> call in turn.FunctionCalls)
        {
            int number = Interlocked.Increment(ref _callCount);
            var arguments = JsonSerializer.Deserialize(call.Value, ScriptedJsonContext.Default.DictionaryStringObject);
            outputTokens += CountWords(call.Value) + 1;
            finish = ChatFinishReason.ToolCalls;
            yield return Update(new FunctionCallContent($"call_scripted{number:D4}", call.Key, arguments));
        }

        ChatResponseUpdate last = Update(new UsageContent(new UsageDetails
        {
            InputTokenCount = inputTokens,
            OutputTokenCount = outputTokens,
            TotalTokenCount = inputTokens + outputTokens,
        }));
        last.FinishReason = finish;
        yield return last;
    }

    /// <inheritdoc />
    public object? GetService(Type serviceType, object? serviceKey = null) =>
        serviceKey is null && serviceType?.IsInstanceOfType(this) == true ? this : null;

    /// <inheritdoc />
    public void Dispose()
    {
    }

    private static ChatResponseUpdate Update(AIContent content) => new(ChatRole.Assistant, [content]) { ModelId = ModelId };

    private static string DefaultReply(List<ChatMessage> prompt)
    {
        ChatMessage? last = prompt.LastOrDefault(message => message.Role != ChatRole.System);
        if (last is null)
        {
            return $"{DefaultReplyPrefix} Hello! Nothing was said yet.";
        }

        List<string> results = [.. last.Contents.OfType<FunctionResultContent>().Select(content => content is { Result: object output } ? Convert.ToString(output, System.Globalization.CultureInfo.InvariantCulture) ?? "" : "")];
        if (results.Count > 0)
        {
            return $"{DefaultReplyPrefix} The tools returned: {string.Join("; ", results)}";
        }

        if (prompt.LastOrDefault(message => message.Role == ChatRole.System && message.Text.StartsWith(FileSearchContext.Header, StringComparison.Ordinal)) is ChatMessage context
            && TopResult(context.Text) is (string marker, string excerpt))
        {
            return $"{DefaultReplyPrefix} From the files: \"{BestSentence(excerpt, last.Text)}\"{marker}";
        }

        return $"{DefaultReplyPrefix} You said: {last.Text}";
    }

    /// <summary>The first result of a file search context message: its citation marker and its text.</summary>
    private static (string Marker, string Text)? TopResult(string context)
    {
        int start = context.IndexOf("\n\n【", StringComparison.Ordinal);
        if (start < 0)
        {
            return null;
        }

        string rest = context[(start + 2)..];
        int markerEnd = rest.IndexOf('\n', StringComparison.Ordinal);
        if (markerEnd < 0)
        {
            return null;
        }

        string text = rest[(markerEnd + 1)..];
        int next = text.IndexOf("\n\n【", StringComparison.Ordinal);
        return (rest[..markerEnd], next < 0 ? text : text[..next]);
    }

    /// <summary>The sentences (or lines) of <paramref name="text"/> that share a keyword with the question, in order, or else its first one.</summary>
    private static string BestSentence(string text, string question)
    {
        HashSet<string> asked = [.. KeywordTerms.Of(question)];
        string[] sentences = text.Split(['\n', '.', '!', '?'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        string[] matching = [.. sentences.Where(sentence => KeywordTerms.Of(sentence).Any(asked.Contains))];
        string quote = matching.Length > 0 ? string.Join(" … ", matching) : sentences.FirstOrDefault() ?? text.Trim();
        return quote.Length > 300 ? quote[..300] : quote;
    }

    /// <summary>Splits text into word chunks that keep their leading space, the way real models stream.</summary>
    private static string[] Chunk(string text)
    {
        List<string> chunks = [];
        int start = 0;
        for (int i = 1; i <= text.Length; i++)
        {
            if (i == text.Length || (text[i] == ' ' && text[i - 1] != ' '))
            {
                chunks.Add(text[start..i]);
                start = i;
            }
        }

        return [.. chunks];
    }

    private static int CountWords(string? text) =>
        string.IsNullOrWhiteSpace(text) ? 0 : text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length;
}
