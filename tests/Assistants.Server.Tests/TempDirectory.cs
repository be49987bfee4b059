using System;
using System.IO;

namespace Assistants.Server.Tests;

/// <summary>Fresh temporary folders for SQLite data directories.</summary>
internal static class TempDirectory
{
    public static string Create()
    {
        string path = Path.Combine(Path.GetTempPath(), "assistants-server-tests-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(path);
        return path;
    }

    public static void Delete(string? path)
    {
        if (path is not null && Directory.Exists(path))
        {
            Directory.Delete(path, recursive: true);
        }
    }
}
