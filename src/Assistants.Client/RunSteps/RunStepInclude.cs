namespace Assistants.Client;

/// <summary>The values the <c>include[]</c> query parameter of runs and run steps accepts.</summary>
public static class RunStepInclude
{
    /// <summary>The content of file search results (<c>step_details.tool_calls[*].file_search.results[*].content</c>).</summary>
    public const string FileSearchResultContent = "step_details.tool_calls[*].file_search.results[*].content";
}
