using System.Collections.Generic;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Extensions.AI;

namespace Assistants.Server.Search;

/// <summary>
/// What a run's file search found, as the model sees it: one system message listing the results, each under its
/// citation marker <c>【m:i†file name】</c> (m: the message's place in the prompt, i: the result's rank), which the
/// model writes after what a result supports and the server turns into a <c>file_citation</c> annotation.
/// </summary>
internal sealed partial class FileSearchContext(string query, IReadOnlyList<SearchHit> hits)
{
    /// <summary>How the context message starts; <see cref="Model.ScriptedChatClient"/> recognizes it by this.</summary>
    public const string Header = "File search results for the question";

    public IReadOnlyList<SearchHit> Hits { get; } = hits;

    /// <summary>The message, placed at <paramref name="messageIndex"/> in the prompt.</summary>
    public ChatMessage ToMessage(int messageIndex)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"{Header} \"{query}\". Answer from them when they help, and cite a result by writing its marker, ");
        text.Append(CultureInfo.InvariantCulture, $"for example 【{messageIndex}:0†{(Hits.Count > 0 ? Hits[0].FileName : "source")}】, right after the words it supports.");
        if (Hits.Count == 0)
        {
            text.Append("\n\nNo results were found.");
        }

        for (int i = 0; i < Hits.Count; i++)
        {
            text.Append(CultureInfo.InvariantCulture, $"\n\n【{messageIndex}:{i}†{Hits[i].FileName}】\n{Hits[i].Text}");
        }

        return new ChatMessage(ChatRole.System, text.ToString());
    }

    /// <summary>The file a citation marker points to, or <see langword="null"/> when <paramref name="marker"/> is not one of ours.</summary>
    public string? FileIdOf(string marker)
    {
        Match match = Marker().Match(marker);
        return match.Success && int.TryParse(match.Groups[1].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture, out int index) && index < Hits.Count
            ? Hits[index].FileId
            : null;
    }

    [GeneratedRegex(@"^【\d+:(\d+)†[^】]*】$")]
    private static partial Regex Marker();
}
