using System;
using System.Collections.Frozen;
using System.IO;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace Assistants.Server.Search;

/// <summary>
/// Turns a stored file into the text that gets chunked, by its file name's extension: plain text and code as they
/// are, Markdown, JSON and CSV as text, HTML without its tags, scripts and styles, PDF through <see cref="PdfText"/>.
/// Anything else is refused as <c>unsupported_file</c>; bytes that are not UTF-8 (or a PDF that cannot be read) as
/// <c>invalid_file</c>.
/// </summary>
internal static partial class TextExtractor
{
    /// <summary>Files larger than this are not indexed (the service's own limit is 5,000,000 tokens a file).</summary>
    public const long MaxBytes = 64L * 1024 * 1024;

    private static readonly FrozenSet<string> s_textExtensions = FrozenSet.ToFrozenSet(
    [
        ".txt", ".text", ".md", ".markdown", ".json", ".jsonl", ".csv", ".tsv", ".xml", ".yaml", ".yml", ".log", ".tex",
        ".c", ".cpp", ".cs", ".css", ".go", ".h", ".java", ".js", ".ts", ".php", ".py", ".rb", ".sh", ".rs", ".sql",
    ], StringComparer.OrdinalIgnoreCase);

    private static readonly UTF8Encoding s_strictUtf8 = new(encoderShouldEmitUTF8Identifier: true, throwOnInvalidBytes: true);

    public static ExtractedText Extract(string fileName, Stream content, long length)
    {
        string extension = Path.GetExtension(fileName);
        bool pdf = extension.Equals(".pdf", StringComparison.OrdinalIgnoreCase);
        bool html = extension.Equals(".html", StringComparison.OrdinalIgnoreCase) || extension.Equals(".htm", StringComparison.OrdinalIgnoreCase);
        if (!html && !pdf && !s_textExtensions.Contains(extension))
        {
            return ExtractedText.Failed("unsupported_file", $"The file type '{(extension.Length == 0 ? "(none)" : extension)}' is not supported for file search.");
        }

        if (length > MaxBytes)
        {
            return ExtractedText.Failed("invalid_file", $"The file is larger than {MaxBytes} bytes, the most the embedded server indexes.");
        }

        if (pdf)
        {
            return PdfText.Extract(content);
        }

        string text;
        try
        {
            using var bytes = new MemoryStream();
            content.CopyTo(bytes);
            ReadOnlySpan<byte> span = bytes.GetBuffer().AsSpan(0, (int)bytes.Length);
            text = s_strictUtf8.GetString(span.StartsWith(s_strictUtf8.Preamble) ? span[3..] : span);
        }
        catch (DecoderFallbackException)
        {
            return ExtractedText.Failed("invalid_file", "The file is not valid UTF-8 text.");
        }

        return ExtractedText.Of(html ? StripHtml(text) : text);
    }

    /// <summary>HTML's visible text: scripts, styles and comments dropped, block tags as line breaks, entities decoded.</summary>
    public static string StripHtml(string html)
    {
        string text = HiddenBlocks().Replace(html, " ");
        text = BlockTags().Replace(text, "\n");
        text = Tags().Replace(text, "");
        text = WebUtility.HtmlDecode(text);
        text = Spaces().Replace(text, " ");
        return BlankLines().Replace(text, "\n").Trim();
    }

    [GeneratedRegex(@"<(script|style)\b[^>]*>.*?</\1\s*>|<!--.*?-->", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex HiddenBlocks();

    [GeneratedRegex(@"<\s*/?\s*(p|div|br|li|ul|ol|h[1-6]|tr|table|section|article|header|footer|pre|blockquote)\b[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex BlockTags();

    [GeneratedRegex(@"<[^>]+>")]
    private static partial Regex Tags();

    [GeneratedRegex(@"[ \t\r\f\v]+")]
    private static partial Regex Spaces();

    [GeneratedRegex(@"\s*\n\s*")]
    private static partial Regex BlankLines();
}
