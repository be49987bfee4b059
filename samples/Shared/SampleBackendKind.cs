namespace Assistants.Samples;

/// <summary>The three backends a sample can run against.</summary>
public enum SampleBackendKind
{
    /// <summary>The embedded <c>Assistants.Server</c> with the deterministic scripted model (nothing configured).</summary>
    ScriptedModel,

    /// <summary>The embedded <c>Assistants.Server</c> over an OpenAI chat model (<c>OPENAI_API_KEY</c>).</summary>
    OpenAIChatModel,

    /// <summary>A remote Assistants-protocol server (<c>ASSISTANTS_BASE_URL</c>).</summary>
    RemoteServer,
}
