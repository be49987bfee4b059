namespace Assistants.Server.Search;

/// <summary>The text of a file, or why it has none (the vector store file's <c>last_error</c>).</summary>
internal sealed record ExtractedText(string? Text, string? ErrorCode, string? ErrorMessage)
{
    public static ExtractedText Of(string text) => new(text, null, null);

    public static ExtractedText Failed(string code, string message) => new(null, code, message);
}
