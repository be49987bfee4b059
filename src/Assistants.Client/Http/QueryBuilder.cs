using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace Assistants.Client.Internal;

/// <summary>Collects query parameters in the order they are added; <c>null</c> values are left out.</summary>
internal sealed class QueryBuilder
{
    private readonly List<KeyValuePair<string, string>> _pairs = new();

    public int Count => _pairs.Count;

    public QueryBuilder Add(string name, string? value)
    {
        if (value is not null)
        {
            _pairs.Add(new KeyValuePair<string, string>(name, value));
        }

        return this;
    }

    public QueryBuilder Add(string name, int? value)
        => value is null ? this : Add(name, value.Value.ToString(CultureInfo.InvariantCulture));

    public QueryBuilder AddAll(string name, IEnumerable<string>? values)
    {
        if (values is not null)
        {
            foreach (string value in values)
            {
                Add(name, value);
            }
        }

        return this;
    }

    /// <summary>Escapes a parameter name, keeping the <c>[]</c> of array parameters such as <c>include[]</c> as servers expect them.</summary>
    private static string EscapeName(string name)
        => Uri.EscapeDataString(name).Replace("%5B", "[").Replace("%5D", "]");

    public void AppendTo(StringBuilder builder)
    {
        for (int i = 0; i < _pairs.Count; i++)
        {
            builder.Append(i == 0 ? '?' : '&');
            builder.Append(EscapeName(_pairs[i].Key));
            builder.Append('=');
            builder.Append(Uri.EscapeDataString(_pairs[i].Value));
        }
    }
}
