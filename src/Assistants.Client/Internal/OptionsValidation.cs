namespace Assistants.Client.Internal;

/// <summary>
/// One check per request options type, run before any request is built. <c>name</c> is how the caller wrote the
/// options argument (<c>options</c>, <c>threadOptions</c>, <c>runOptions</c>), so a failure names, for example,
/// <c>options.Tools[3].Function.Name</c>. The limits themselves live in <see cref="ProtocolLimits"/>.
/// </summary>
internal static class OptionsValidation
{
    /// <summary>Assistant create and modify (the modification options derive from the creation options).</summary>
    public static void Assistant(AssistantCreationOptions? options, string name)
    {
        if (options is null)
        {
            return;
        }

        Argument.MaxLength(options.Name, ProtocolLimits.AssistantNameMaxLength, name + ".Name");
        Argument.MaxLength(options.Description, ProtocolLimits.AssistantDescriptionMaxLength, name + ".Description");
        Argument.MaxLength(options.Instructions, ProtocolLimits.AssistantInstructionsMaxLength, name + ".Instructions");
        ToolValidation.Tools(options.Tools, ProtocolLimits.AssistantMaxTools, name + ".Tools");
        ToolValidation.Resources(options.ToolResources, name + ".ToolResources");
        Argument.Metadata(options.Metadata, name + ".Metadata");
        Sampling(options.Temperature, options.TopP, name);
        ToolValidation.ResponseFormat(options.ResponseFormat, name + ".ResponseFormat");
    }

    public static void Thread(ThreadCreationOptions? options, string name)
    {
        if (options is null)
        {
            return;
        }

        MessageValidation.InitializationMessages(options.Messages, name + ".Messages");
        ToolValidation.Resources(options.ToolResources, name + ".ToolResources");
        Argument.Metadata(options.Metadata, name + ".Metadata");
    }

    public static void Thread(ThreadModificationOptions options, string name)
    {
        ToolValidation.Resources(options.ToolResources, name + ".ToolResources");
        Argument.Metadata(options.Metadata, name + ".Metadata");
    }

    /// <summary>Run create and the run part of create-thread-and-run (what each one refuses is checked by the caller).</summary>
    public static void Run(RunCreationOptions? options, string name)
    {
        if (options is null)
        {
            return;
        }

        MessageValidation.InitializationMessages(options.AdditionalMessages, name + ".AdditionalMessages");
        ToolValidation.Tools(options.Tools, ProtocolLimits.RunMaxTools, name + ".Tools");
        ToolValidation.Resources(options.ToolResources, name + ".ToolResources");
        Argument.Metadata(options.Metadata, name + ".Metadata");
        Sampling(options.Temperature, options.TopP, name);
        Argument.AtLeast(options.MaxPromptTokens, ProtocolLimits.RunMaxTokensMin, name + ".MaxPromptTokens");
        Argument.AtLeast(options.MaxCompletionTokens, ProtocolLimits.RunMaxTokensMin, name + ".MaxCompletionTokens");
        Argument.AtLeast(options.TruncationStrategy?.LastMessages, ProtocolLimits.TruncationLastMessagesMin, name + ".TruncationStrategy.LastMessages");
        ToolValidation.ResponseFormat(options.ResponseFormat, name + ".ResponseFormat");
    }

    private static void Sampling(double? temperature, double? topP, string name)
    {
        Argument.Range(temperature, ProtocolLimits.TemperatureMin, ProtocolLimits.TemperatureMax, name + ".Temperature");
        Argument.Range(topP, ProtocolLimits.TopPMin, ProtocolLimits.TopPMax, name + ".TopP");
    }
}
