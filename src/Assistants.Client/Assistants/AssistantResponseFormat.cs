using System.Text.Json;
using System.Text.Json.Serialization;

namespace Assistants.Client;

/// <summary>
/// The format the model must answer in: the bare string <c>"auto"</c>, or an object whose <c>type</c> is
/// <c>text</c>, <c>json_object</c> or <c>json_schema</c>. Both shapes come back from real servers and both are
/// written back as they came.
/// </summary>
[JsonConverter(typeof(Serialization.AssistantResponseFormatConverter))]
public sealed class AssistantResponseFormat
{
    internal AssistantResponseFormat(string type, bool isBareString, ResponseFormatJsonSchema? jsonSchema, JsonElement? raw)
    {
        Type = type;
        IsBareString = isBareString;
        JsonSchema = jsonSchema;
        Raw = raw;
    }

    /// <summary>Gets the <c>"auto"</c> format: the server's default.</summary>
    public static AssistantResponseFormat Auto { get; } = new("auto", isBareString: true, null, null);

    /// <summary>Gets the plain-text format.</summary>
    public static AssistantResponseFormat Text { get; } = new("text", isBareString: false, null, null);

    /// <summary>Gets the JSON mode format: the model answers with a JSON object.</summary>
    public static AssistantResponseFormat JsonObject { get; } = new("json_object", isBareString: false, null, null);

    /// <summary>Gets the format type: <c>auto</c>, <c>text</c>, <c>json_object</c>, <c>json_schema</c>, or a newer one.</summary>
    public string Type { get; }

    /// <summary>Gets a value indicating whether the wire value was a bare string rather than an object.</summary>
    public bool IsBareString { get; }

    /// <summary>Gets the schema of a <c>json_schema</c> format.</summary>
    public ResponseFormatJsonSchema? JsonSchema { get; }

    /// <summary>Gets the object as the server sent it, when it was read from JSON.</summary>
    public JsonElement? Raw { get; }

    /// <summary>Creates a structured-output format from a JSON schema.</summary>
    /// <param name="name">The schema's name.</param>
    /// <param name="schema">The JSON schema the answer must follow.</param>
    /// <param name="description">What the format is for.</param>
    /// <param name="strict">Whether the model must follow the schema exactly.</param>
    /// <returns>The format.</returns>
    public static AssistantResponseFormat CreateJsonSchema(string name, JsonElement schema, string? description = null, bool? strict = null)
    {
        Internal.Argument.NotNullOrEmpty(name, nameof(name));
        return new("json_schema", isBareString: false, new ResponseFormatJsonSchema { Name = name, Schema = schema, Description = description, Strict = strict }, null);
    }

    /// <inheritdoc />
    public override string ToString() => Type;
}
