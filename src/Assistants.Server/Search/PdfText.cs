using System;
using System.IO;
using System.Text;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.DocumentLayoutAnalysis.TextExtractor;

namespace Assistants.Server.Search;

/// <summary>The text of a PDF, page by page in order, read with PdfPig.</summary>
internal static class PdfText
{
    /// <summary>A PDF whose text is longer than this is not indexed (about the service's 5,000,000 tokens a file).</summary>
    public const int MaxChars = 20_000_000;

    public static ExtractedText Extract(Stream content)
    {
        var text = new StringBuilder();
        try
        {
            using PdfDocument document = PdfDocument.Open(Seekable(content));
            foreach (Page page in document.GetPages())
            {
                string pageText = ContentOrderTextExtractor.GetText(page).Trim();
                if (pageText.Length == 0)
                {
                    continue;
                }

                if (text.Length + pageText.Length + 2 > MaxChars)
                {
                    return ExtractedText.Failed("invalid_file", $"The PDF has more than {MaxChars} characters of text, the most the embedded server indexes.");
                }

                text.Append(text.Length == 0 ? "" : "\n\n").Append(pageText);
            }
        }
#pragma warning disable CA1031 // Whatever PdfPig throws on a damaged or encrypted file, the file fails with last_error.
        catch (Exception)
#pragma warning restore CA1031
        {
            return ExtractedText.Failed("invalid_file", "The file could not be read as a PDF.");
        }

        return ExtractedText.Of(text.ToString());
    }

    private static Stream Seekable(Stream content)
    {
        if (content.CanSeek)
        {
            return content;
        }

        var copy = new MemoryStream();
        content.CopyTo(copy);
        copy.Position = 0;
        return copy;
    }
}
