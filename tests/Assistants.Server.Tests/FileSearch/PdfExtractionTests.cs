using System.Linq;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using NUnit.Framework;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Fonts.Standard14Fonts;
using UglyToad.PdfPig.Writer;

namespace Assistants.Server.Tests.FileSearch;

/// <summary>PDF files in a vector store: their pages' text, in order, is indexed and found by search.</summary>
[TestFixture]
public sealed class PdfExtractionTests
{
    private const string FirstPage = "The staff handbook covers the office opening hours.";
    private const string SecondPage = "Bicycles are parked in the basement racks next to the lockers.";

    [Test]
    public async Task PdfPagesAreIndexedInOrder_AndFoundBySearch()
    {
        await using TestApi api = TestApi.Create();
        string pdf = await api.Http.UploadAsync("handbook.pdf", Pdf(FirstPage, SecondPage));
        string other = await api.Http.UploadAsync("menu.txt", "The cafeteria serves soup and bread at noon.");
        JsonObject store = await api.PostAsync("vector_stores", $$"""{"file_ids":["{{pdf}}","{{other}}"]}""");
        await api.Server.WaitForIdleAsync();

        JsonObject file = await api.GetAsync($"vector_stores/{(string)store["id"]!}/files/{pdf}");
        JsonObject results = await api.PostAsync($"vector_stores/{(string)store["id"]!}/search", """{"query":"Where should bicycles be parked?"}""");
        JsonNode top = results["data"]![0]!;
        string text = string.Concat(top["content"]!.AsArray().Select(part => (string?)part!["text"]));

        Assert.Multiple(() =>
        {
            Assert.That((string?)file["status"], Is.EqualTo("completed"));
            Assert.That((long)file["usage_bytes"]!, Is.GreaterThan(FirstPage.Length + SecondPage.Length));
            Assert.That((string?)top["file_id"], Is.EqualTo(pdf));
            Assert.That((string?)top["filename"], Is.EqualTo("handbook.pdf"));
            Assert.That(text, Does.Contain(FirstPage));
            Assert.That(text, Does.Contain(SecondPage));
            Assert.That(text.IndexOf(FirstPage, System.StringComparison.Ordinal), Is.LessThan(text.IndexOf(SecondPage, System.StringComparison.Ordinal)), "pages in order");
        });
    }

    [Test]
    public async Task APdfThatCannotBeRead_FailsTheFile_WithLastError()
    {
        await using TestApi api = TestApi.Create();
        byte[] truncated = Pdf(FirstPage, SecondPage)[..200];
        string pdf = await api.Http.UploadAsync("broken.pdf", truncated);
        JsonObject store = await api.PostAsync("vector_stores", $$"""{"file_ids":["{{pdf}}"]}""");
        await api.Server.WaitForIdleAsync();

        JsonObject file = await api.GetAsync($"vector_stores/{(string)store["id"]!}/files/{pdf}");
        Assert.That((string?)file["status"], Is.EqualTo("failed"));
        Assert.That((string?)file["last_error"]!["code"], Is.EqualTo("invalid_file"));
        Assert.That((string?)file["last_error"]!["message"], Is.EqualTo("The file could not be read as a PDF."));
        Assert.That((string?)(await api.GetAsync($"vector_stores/{(string)store["id"]!}"))["file_counts"]!["failed"]!.ToJsonString(), Is.EqualTo("1"));
    }

    /// <summary>A PDF with one line of Helvetica text on each page.</summary>
    private static byte[] Pdf(params string[] pages)
    {
        var builder = new PdfDocumentBuilder();
        PdfDocumentBuilder.AddedFont font = builder.AddStandard14Font(Standard14Font.Helvetica);
        foreach (string line in pages)
        {
            PdfPageBuilder page = builder.AddPage(PageSize.A4);
            page.AddText(line, 12, new PdfPoint(50, 700), font);
        }

        return builder.Build();
    }
}
