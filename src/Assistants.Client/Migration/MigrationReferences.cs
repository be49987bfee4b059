using System.Collections.Generic;
using System.Text.Json.Nodes;

namespace Assistants.Client.Migration;

/// <summary>
/// What an exported object points at, found by field name anywhere in it: <c>file_id</c> and <c>file_ids</c> (attachments,
/// image files, annotations, tool resources, code interpreter outputs), <c>vector_store_ids</c> and <c>assistant_id</c>.
/// A reference is written <c>kind:id</c>.
/// </summary>
internal static class MigrationReferences
{
    public const string File = "file:";
    public const string VectorStore = "vector_store:";
    public const string Assistant = "assistant:";

    public static void Collect(JsonNode? node, ICollection<string> into)
    {
        switch (node)
        {
            case JsonObject json:
                foreach (KeyValuePair<string, JsonNode?> property in json)
                {
                    string? prefix = property.Key switch
                    {
                        "file_id" or "file_ids" => File,
                        "vector_store_ids" => VectorStore,
                        "assistant_id" => Assistant,
                        _ => null,
                    };
                    if (prefix is not null)
                    {
                        AddIds(prefix, property.Value, into);
                    }
                    else
                    {
                        Collect(property.Value, into);
                    }
                }

                break;
            case JsonArray array:
                foreach (JsonNode? item in array)
                {
                    Collect(item, into);
                }

                break;
        }
    }

    private static void AddIds(string prefix, JsonNode? value, ICollection<string> into)
    {
        if (MigrationJson.String(value) is { Length: > 0 } id)
        {
            into.Add(prefix + id);
        }
        else if (value is JsonArray ids)
        {
            foreach (JsonNode? item in ids)
            {
                if (MigrationJson.String(item) is { Length: > 0 } each)
                {
                    into.Add(prefix + each);
                }
            }
        }
    }
}
