namespace Assistants.Client;

/// <summary>Which files to list and in what order.</summary>
/// <remarks>
/// Unlike the other lists, <c>/files</c> accepts a <see cref="CollectionOptions.Limit"/> from 1 to 10,000; servers
/// that follow the spec default to 10,000 and may not support <see cref="CollectionOptions.Before"/>.
/// </remarks>
public sealed class FileCollectionOptions : CollectionOptions
{
    /// <summary>Gets or sets the purpose the listed files must have.</summary>
    /// <value>The default is <c>null</c>: files of every purpose.</value>
    public FilePurpose? Purpose { get; set; }
}
