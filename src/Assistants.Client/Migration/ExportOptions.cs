using System;
using System.Collections.Generic;

namespace Assistants.Client;

/// <summary>What <see cref="AssistantsExporter.ExportAsync"/> takes from the server, and where it reports progress.</summary>
public sealed class ExportOptions
{
    /// <summary>Gets the ids of the threads to export.</summary>
    /// <value>The default is empty.</value>
    public IList<string> ThreadIds { get; } = new List<string>();

    /// <summary>Gets or sets a text file naming more threads: one id a line; blank lines and lines starting with <c>#</c> are skipped.</summary>
    /// <value>The default is <see langword="null"/>: no file.</value>
    public string? ThreadIdsFile { get; set; }

    /// <summary>
    /// Gets or sets whether every thread the server lists is exported (<c>GET /threads</c>: Foundry and
    /// <c>Assistants.Server</c> serve it; OpenAI's protocol cannot list threads, and such a profile raises
    /// <see cref="OperationNotSupportedException"/>).
    /// </summary>
    /// <value>The default is <see langword="false"/>.</value>
    public bool AllThreads { get; set; }

    /// <summary>Gets or sets whether every assistant the server lists is exported, not only those the threads name.</summary>
    /// <value>The default is <see langword="true"/>.</value>
    public bool AllAssistants { get; set; } = true;

    /// <summary>Gets or sets where progress is reported: after each unit (a thread with its messages, runs and steps; an assistant; a vector store; a file).</summary>
    /// <value>The default is <see langword="null"/>: no report.</value>
    public IProgress<ExportProgress>? Progress { get; set; }
}
