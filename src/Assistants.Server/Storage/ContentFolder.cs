using System;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace Assistants.Server.Storage;

/// <summary>
/// File contents as files in one folder: an upload is copied through an 80 KB buffer into <c>name.partial</c> and
/// renamed when complete, so a reader never sees half a file and the upload never sits whole in memory.
/// </summary>
internal sealed class ContentFolder
{
    private const int BufferSize = 81920;

    public ContentFolder(string path)
    {
        Path = path;
        Directory.CreateDirectory(path);

        // Uploads cut short by a stop leave partial files behind; nothing refers to them.
        foreach (string partial in Directory.EnumerateFiles(path, "*.partial"))
        {
            File.Delete(partial);
        }
    }

    public string Path { get; }

    public async Task<long> WriteAsync(string fileId, Stream content, CancellationToken cancellationToken)
    {
        string target = PathOf(fileId);
        string partial = target + ".partial";
        try
        {
            var stream = new FileStream(partial, FileMode.Create, FileAccess.Write, FileShare.None, BufferSize, useAsync: true);
            await using (stream.ConfigureAwait(false))
            {
                await content.CopyToAsync(stream, BufferSize, cancellationToken).ConfigureAwait(false);
            }

            File.Move(partial, target, overwrite: true);
            return new FileInfo(target).Length;
        }
        catch
        {
            File.Delete(partial);
            throw;
        }
    }

    public Stream? Open(string fileId)
    {
        try
        {
            return new FileStream(PathOf(fileId), FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, BufferSize, useAsync: true);
        }
        catch (FileNotFoundException)
        {
            return null;
        }
    }

    public void Delete(string fileId) => File.Delete(PathOf(fileId));

    /// <summary>An id made of letters, digits, <c>-</c> and <c>_</c> is its own file name; any other is hex-encoded.</summary>
    private string PathOf(string fileId)
    {
        bool plain = fileId.Length is > 0 and <= 128 && fileId.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');
        return System.IO.Path.Combine(Path, plain ? fileId : "x" + Convert.ToHexStringLower(Encoding.UTF8.GetBytes(fileId)));
    }
}
