using System.Collections.Generic;
using System.Text.Json;

namespace Assistants.Client.Internal;

/// <summary>A function call's JSON arguments as the name-value dictionary of <c>FunctionCallContent</c>, without reflection: each value a <see cref="JsonElement"/>.</summary>
internal static class FunctionArguments
{
    /// <exception cref="JsonException">The arguments are not JSON (<c>FunctionCallContent</c> keeps the error on the call).</exception>
    public static IDictionary<string, object?>? Parse(string json)
    {
        using JsonDocument document = JsonDocument.Parse(string.IsNullOrWhiteSpace(json) ? "{}" : json);
        if (document.RootElement.ValueKind != JsonValueKind.Object)
        {
            throw new JsonException("A function call's arguments must be a JSON object.");
        }

        Dictionary<string, object?> arguments = new();
        foreach (JsonProperty property in document.RootElement.EnumerateObject())
        {
            arguments[property.Name] = property.Value.Clone();
        }

        return arguments;
    }
}
