using System.Text.Json.Nodes;

namespace Assistants.Server.Runs;

/// <summary>
/// Annotations while streaming: held-back text is released in pieces, a citation marker or a link to a file the
/// code wrote going out as one piece with its annotation.
/// </summary>
internal sealed partial class TurnState
{
    private void Release(bool final)
    {
        while (_held.Length > 0)
        {
            string held = _held.ToString();
            int take = NextTake(held, final, out string? annotationType, out string? fileId);
            if (take == 0)
            {
                return;
            }

            _held.Remove(0, take);
            EmitText(held[..take], fileId is null ? null : (annotationType!, fileId));
        }
    }

    /// <summary>How much of the held text goes out next (0: wait for more), and the annotation it carries.</summary>
    private int NextTake(string held, bool final, out string? annotationType, out string? fileId)
    {
        annotationType = null;
        fileId = null;
        int open = run.FileSearch is null ? -1 : held.IndexOf('【', System.StringComparison.Ordinal);
        int link = FindLink(held, final, out string? fullLink, out string? linkedFileId);
        int first = open < 0 ? link : link < 0 ? open : System.Math.Min(open, link);
        if (first != 0)
        {
            return first < 0 ? held.Length : first;
        }

        if (link == 0)
        {
            if (fullLink is null)
            {
                return final ? held.Length : 0;
            }

            (annotationType, fileId) = ("file_path", linkedFileId);
            return fullLink.Length;
        }

        int close = held.IndexOf('】', open);
        if (close >= 0)
        {
            (annotationType, fileId) = ("file_citation", run.FileSearch!.FileIdOf(held[..(close + 1)]));
            return close + 1;
        }

        return final || held.Length > MaxMarkerLength ? held.Length : 0;
    }

    /// <summary>A <c>file_citation</c> or <c>file_path</c> annotation of <paramref name="text"/> at <paramref name="start"/>.</summary>
    private static JsonObject Annotation(string type, string text, int start, string fileId) => new()
    {
        ["type"] = type,
        ["text"] = text,
        ["start_index"] = start,
        ["end_index"] = start + text.Length,
        [type] = new JsonObject { ["file_id"] = fileId },
    };
}
