namespace Assistants.Server.Validation;

/// <summary>
/// The limits the service documents, declared once as data; <see cref="BodyLimits"/> applies them to request bodies and
/// <c>Pagination</c> to <c>limit</c>. Each violation is a 400 envelope naming its <c>param</c>.
/// </summary>
internal static class ProtocolLimits
{
    public const int MetadataPairs = 16;
    public const int MetadataKeyLength = 64;
    public const int MetadataValueLength = 512;
    public const int MaxTools = 128;
    public const int PageSizeMin = 1;
    public const int PageSizeMax = 100;
    public const int PageSizeDefault = 20;

    /// <summary>Function names: letters, digits, underscores and dashes, 1 to 64 of them.</summary>
    public const string FunctionNamePattern = "^[a-zA-Z0-9_-]{1,64}$";

    /// <summary>String fields and their longest length, in characters.</summary>
    public static readonly (string Name, int MaxLength)[] Strings =
    [
        ("name", 256),
        ("description", 512),
        ("instructions", 256_000),
        ("additional_instructions", 256_000),
    ];

    /// <summary>Number fields and their inclusive range.</summary>
    public static readonly (string Name, double Min, double Max)[] Numbers =
    [
        ("temperature", 0, 2),
        ("top_p", 0, 1),
    ];
}
