using System;
using Microsoft.Extensions.AI;

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
    /// Gets or sets the folder where the server keeps its data: a SQLite database (<c>assistants.db</c>) and the
    /// uploaded files beside it (<c>files/</c>). Created on first start; a server started again on the same folder
    /// finds everything there, and settles runs that were active when it stopped as failed.
    /// </summary>
    /// <value>The default is <see langword="null"/>: everything is kept in memory (uploads in a temporary folder) and lost on dispose.</value>
    public string? DataDirectory { get; set; }

    /// <summary>Gets or sets the path prefix of the routes; requests without it are accepted too.</summary>
    /// <value>The default is <c>/v1</c>.</value>
    public string PathPrefix { get; set; } = "/v1";
}
