using System;
using System.IO;

namespace MedCard.Simulator.InProcess;

/// <summary>The reader's flash holds its key: its folders are 0700 and its files 0600 (owner only).</summary>
internal static class Private
{
    private const UnixFileMode FolderMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    private const UnixFileMode FileMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    public static void Folder(string path)
    {
        if (!OperatingSystem.IsWindows())
        {
            System.IO.File.SetUnixFileMode(path, FolderMode);
        }
    }

    public static void File(string path)
    {
        if (!OperatingSystem.IsWindows())
        {
            System.IO.File.SetUnixFileMode(path, FileMode);
        }
    }

    public static void WriteFile(string path, byte[] content)
    {
        System.IO.File.WriteAllBytes(path, content);
        File(path);
    }

    /// <summary>Every folder and file under <paramref name="root"/>.</summary>
    public static void Tree(string root)
    {
        Folder(root);
        foreach (string folder in Directory.EnumerateDirectories(root, "*", SearchOption.AllDirectories))
        {
            Folder(folder);
        }

        foreach (string file in Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories))
        {
            File(file);
        }
    }
}
