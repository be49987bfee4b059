using System.Text.Json;
using System.Text.Json.Serialization;

namespace Assistants.Client;

/// <summary>
/// Which tool, if any, the model must call: the bare string <c>none</c>, <c>auto</c> or <c>required</c>, or an
/// object naming one tool (<c>{"type":"function","function":{"name":...}}</c>, <c>{"type":"file_search"}</c>).
/// Both shapes are read and written back as they came.
/// </summary>
[JsonConverter(typeof(Serialization.ToolChoiceConverter))]
public sealed class ToolChoice
{
    internal ToolChoice(string type, bool isBareString, string? functionName, JsonElement? raw)
    {
        Type = type;
        IsBareString = isBareString;
        FunctionName = functionName;
        Raw = raw;
    }

    /// <summary>Gets the choice that forbids tool calls: the model answers with a message (<c>none</c>).</summary>
    public static ToolChoice None { get; } = new("none", isBareString: true, null, null);

    /// <summary>Gets the choice that lets the model decide (<c>auto</c>), the servers' default.</summary>
    public static ToolChoice Auto { get; } = new("auto", isBareString: true, null, null);

    /// <summary>Gets the choice that makes the model call at least one tool (<c>required</c>).</summary>
    public static ToolChoice Required { get; } = new("required", isBareString: true, null, null);

    /// <summary>Gets the choice that forces the <c>file_search</c> tool.</summary>
    public static ToolChoice FileSearch { get; } = new("file_search", isBareString: false, null, null);

    /// <summary>Gets the choice that forces the <c>code_interpreter</c> tool.</summary>
    public static ToolChoice CodeInterpreter { get; } = new("code_interpreter", isBareString: false, null, null);

    /// <summary>
    /// Gets the choice: <c>none</c>, <c>auto</c> or <c>required</c> when <see cref="IsBareString"/>, otherwise the type
    /// of the forced tool (<c>function</c>, <c>file_search</c>, <c>code_interpreter</c>, or a newer one).
    /// </summary>
    public string Type { get; }

    /// <summary>Gets a value indicating whether the wire value is a bare string rather than an object.</summary>
    public bool IsBareString { get; }

    /// <summary>Gets the name of the forced function, when <see cref="Type"/> is <c>function</c>.</summary>
    public string? FunctionName { get; }

    /// <summary>Gets the object as the server sent it, when it was read from JSON.</summary>
    public JsonElement? Raw { get; }

    /// <summary>Creates a choice that forces a call of the named function.</summary>
    /// <param name="name">The function name.</param>
    /// <returns>The choice.</returns>
    /// <exception cref="System.ArgumentException"><paramref name="name"/> is empty.</exception>
    /// <exception cref="System.ArgumentNullException"><paramref name="name"/> is null.</exception>
    public static ToolChoice CreateFunction(string name)
    {
        Internal.Argument.NotNullOrEmpty(name, nameof(name));
        return new ToolChoice("function", isBareString: false, name, null);
    }

    /// <inheritdoc />
    public override string ToString() => FunctionName is null ? Type : Type + ":" + FunctionName;
}
