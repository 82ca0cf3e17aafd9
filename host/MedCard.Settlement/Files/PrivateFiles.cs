using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace MedCard.Settlement.Files;

/// <summary>
/// The one rule for files that hold keys or personal data (the ledger, reader flash, key and cards files,
/// statements): created owner-only, 0600, in folders created owner-only, 0700, whatever the umask allows
/// beyond that. On Windows the modes do not exist and the calls are plain creates (ACLs of the parent folder
/// apply). This source file is compiled into each assembly that writes such files (MedCard.Settlement,
/// MedCard.Simulator, the medcard tool) as an internal class, so there is one place for the rule and no
/// public surface.
/// </summary>
internal static class PrivateFiles
{
    /// <summary>rw------- (0600).</summary>
    public const UnixFileMode FileMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    /// <summary>rwx------ (0700).</summary>
    public const UnixFileMode FolderMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    [System.Runtime.Versioning.UnsupportedOSPlatformGuard("windows")]
    private static bool Unix => !OperatingSystem.IsWindows();

    /// <summary>Creates the folder (and any missing parents) 0700; folders that already exist are left as they are.</summary>
    public static void CreateFolder(string path)
    {
        if (Directory.Exists(path))
        {
            return;
        }

        string? parent = Path.GetDirectoryName(Path.GetFullPath(path));
        if (parent is not null && !Directory.Exists(parent))
        {
            CreateFolder(parent);
        }

        if (Unix)
        {
            Directory.CreateDirectory(path, FolderMode);
        }
        else
        {
            Directory.CreateDirectory(path);
        }
    }

    /// <summary>Opens the file for writing, truncated, created 0600; an existing file is narrowed to 0600 too.</summary>
    public static FileStream Create(string path)
    {
        var options = new FileStreamOptions { Mode = System.IO.FileMode.Create, Access = FileAccess.Write, Share = FileShare.None };
        if (Unix)
        {
            options.UnixCreateMode = FileMode;
        }

        var stream = new FileStream(path, options);
        if (Unix)
        {
            File.SetUnixFileMode(stream.SafeFileHandle, FileMode);
        }

        return stream;
    }

    /// <summary>Creates an empty 0600 file unless one exists (for stores such as SQLite that create their file
    /// with the process umask, typically 0644).</summary>
    public static void EnsureExists(string path)
    {
        if (File.Exists(path))
        {
            return;
        }

        var options = new FileStreamOptions { Mode = System.IO.FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.ReadWrite };
        if (Unix)
        {
            options.UnixCreateMode = FileMode;
        }

        try
        {
            using var created = new FileStream(path, options);
        }
        catch (IOException) when (File.Exists(path))
        {
            // Created by someone else in between: theirs stands.
        }
    }

    /// <summary>Writes the whole file or nothing: into a 0600 temporary file beside the target, flushed to disk,
    /// then renamed over the target. A failure leaves the target as it was and no temporary file behind.</summary>
    public static void WriteAtomically(string path, ReadOnlySpan<byte> content)
    {
        string temp = TempBeside(path);
        try
        {
            using (FileStream stream = Create(temp))
            {
                stream.Write(content);
                stream.Flush(flushToDisk: true);
            }

            File.Move(temp, path, overwrite: true);
        }
        catch
        {
            TryDelete(temp);
            throw;
        }
    }

    /// <summary>Like <see cref="WriteAtomically(string, ReadOnlySpan{byte})"/>, but only when no file is at
    /// <paramref name="path"/>: the complete file appears under its name or not at all, and when another process created
    /// it first theirs stands (false). For files that must never be replaced behind a running user, such as keys.</summary>
    public static bool CreateAtomically(string path, ReadOnlySpan<byte> content)
    {
        string temp = TempBeside(path);
        try
        {
            using (FileStream stream = Create(temp))
            {
                stream.Write(content);
                stream.Flush(flushToDisk: true);
            }

            File.Move(temp, path, overwrite: false);
            return true;
        }
        catch (IOException) when (File.Exists(path))
        {
            TryDelete(temp);
            return false;
        }
        catch
        {
            TryDelete(temp);
            throw;
        }
    }

    /// <inheritdoc cref="WriteAtomically(string, ReadOnlySpan{byte})"/>
    public static async Task WriteAtomicallyAsync(string path, Func<Stream, CancellationToken, Task> write, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(write);
        string temp = TempBeside(path);
        try
        {
            await using (FileStream stream = Create(temp))
            {
                await write(stream, cancellationToken).ConfigureAwait(false);
                await stream.FlushAsync(cancellationToken).ConfigureAwait(false);
                stream.Flush(flushToDisk: true);
            }

            File.Move(temp, path, overwrite: true);
        }
        catch
        {
            TryDelete(temp);
            throw;
        }
    }

    private static string TempBeside(string path)
    {
        string full = Path.GetFullPath(path);
        return Path.Combine(Path.GetDirectoryName(full) ?? ".", "." + Path.GetFileName(full) + "." + Guid.NewGuid().ToString("N")[..8] + ".tmp");
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The folder itself refused the write; there is nothing to clean up.
        }
    }
}
