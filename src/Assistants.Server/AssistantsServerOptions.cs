using System;
using System.Collections.Generic;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;

namespace Assistants.Server;

/// <summary>Options of an <see cref="AssistantsServer"/>.</summary>
public sealed class AssistantsServerOptions
{
    /// <summary>Gets or sets the clock behind every timestamp, the run expiry and <see cref="RunStartDelay"/>.</summary>
    /// <value>The default is <see cref="TimeProvider.System"/>.</value>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>Gets or sets how long after its creation an unfinished run expires.</summary>
    /// <value>The default is 600 seconds, as on the real service.</value>
    public TimeSpan RunExpiration { get; set; } = TimeSpan.FromSeconds(600);

    /// <summary>
    /// Gets or sets how long a run stays <c>queued</c> before it starts, measured on <see cref="TimeProvider"/>;
    /// with a fake clock a test sees <c>queued</c> until it advances the clock.
    /// </summary>
    /// <value>The default is <see cref="TimeSpan.Zero"/>: runs start at once.</value>
    public TimeSpan RunStartDelay { get; set; } = TimeSpan.Zero;

    /// <summary>Gets or sets a function that makes an id from a prefix such as <c>asst_</c>, for predictable ids.</summary>
    /// <value>The default is <see langword="null"/>: the prefix followed by 24 random alphanumerics.</value>
    public Func<string, string>? IdGenerator { get; set; }

    /// <summary>Gets or sets the model behind every run.</summary>
    /// <value>The default is <see langword="null"/>: a new <see cref="Model.ScriptedChatClient"/>.</value>
    public IChatClient? ChatClient { get; set; }

    /// <summary>
    /// Gets or sets an embedding generator for file search. Without one, vector store search ranks chunks by keywords
    /// (BM25); with one, each chunk's embedding is stored when it is indexed and the cosine ranking is fused with the
    /// keyword ranking (reciprocal rank fusion).
    /// </summary>
    /// <value>The default is <see langword="null"/>: keyword ranking only, offline.</value>
    public IEmbeddingGenerator<string, Embedding<float>>? EmbeddingGenerator { get; set; }

    /// <summary>
    /// Gets or sets the folder where the server keeps its data: a SQLite database (<c>assistants.db</c>) and the
    /// uploaded files beside it (<c>files/</c>). Created on first start; a server started again on the same folder
    /// finds everything there, and settles runs that were active when it stopped as failed.
    /// </summary>
    /// <value>The default is <see langword="null"/>: everything is kept in memory (uploads in a temporary folder) and lost on dispose.</value>
    public string? DataDirectory { get; set; }

    /// <summary>Gets or sets the path prefix of the routes; requests without it are accepted too.</summary>
    /// <value>The default is <c>/v1</c>.</value>
    public string PathPrefix { get; set; } = "/v1";

    /// <summary>
    /// Gets the API keys the server accepts, in <c>Authorization: Bearer &lt;key&gt;</c> or <c>api-key: &lt;key&gt;</c>;
    /// any other request gets the service's 401. With no keys, the in-process handler accepts every request and a
    /// socket host (<c>MapAssistantsServer</c>) serves loopback connections only.
    /// </summary>
    /// <value>The default is empty: no key is checked.</value>
    public IList<string> ApiKeys { get; } = [];

    /// <summary>Gets or sets the largest request body accepted, in bytes, except file uploads; a larger one gets a 413.</summary>
    /// <value>The default is 32 MiB.</value>
    public long MaxRequestBodyBytes { get; set; } = 32L * 1024 * 1024;

    /// <summary>Gets or sets the largest file upload (<c>POST /files</c>) accepted, in bytes; a larger one gets a 413.</summary>
    /// <value>The default is 512 MiB, as on the service.</value>
    public long MaxUploadBytes { get; set; } = 512L * 1024 * 1024;

    /// <summary>
    /// Gets or sets where the server logs what it does not send to clients, such as the exception behind a failed run
    /// (the client sees a generic <c>server_error</c> with an id that the log line carries too).
    /// </summary>
    /// <value>The default is <see langword="null"/>: nothing is logged.</value>
    public ILoggerFactory? LoggerFactory { get; set; }

    /// <summary>
    /// Gets or sets whether the server serves its import routes (<c>POST /_import</c> and
    /// <c>POST /_import/files/{id}/content</c>), which store exported objects with their ids and timestamps, behind the
    /// API key like every route. Turn it on for a migration and off again (docs/migration.md).
    /// </summary>
    /// <value>The default is <see langword="false"/>: the routes answer 403.</value>
    public bool EnableImport { get; set; }
}
