using System.Collections.Generic;

namespace Assistants.Client;

/// <summary>Which extra fields of a run step to return.</summary>
public sealed class RunStepRetrievalOptions
{
    /// <summary>Gets or sets extra fields to return, sent as <c>include[]</c>, such as <see cref="RunStepInclude.FileSearchResultContent"/>.</summary>
    /// <value>The default is <c>null</c>: not sent.</value>
    public IList<string>? Include { get; set; }
}
