using System;
using System.IO;
using MedCard.Firmware.Hardware;
using MedCard.Settlement.Files;

namespace MedCard.Simulator.Hardware;

/// <summary>
/// The reader's <c>I:</c> drive as a directory of small files. Every write goes to a temporary file that is
/// flushed to disk and then renamed over the target, so killing the simulator at any moment leaves either
/// the old or the new file, never a torn one (the firmware tolerates torn files anyway; the simulator
/// should not add failures of its own). Names are checked to be flat ASCII, as on the device. The files hold the
/// reader's key and card-system keys: the directory is created 0700 and every file 0600 (<see cref="PrivateFiles"/>).
/// </summary>
internal sealed class FileByteStore : IByteStore
{
    private const string TempSuffix = ".tmp";
    private readonly string _directory;

    public FileByteStore(string directory)
    {
        ArgumentException.ThrowIfNullOrEmpty(directory);
        _directory = Path.GetFullPath(directory);
        PrivateFiles.CreateFolder(_directory);
        foreach (string stale in Directory.EnumerateFiles(_directory, "*" + TempSuffix))
        {
            File.Delete(stale); // a write interrupted before its rename: the target still holds the old bytes
        }
    }

    /// <summary>The directory holding the files.</summary>
    public string DirectoryPath => _directory;

    public bool Exists(string name) => File.Exists(PathOf(name));

    public int Read(string name, byte[] buffer, int offset)
    {
        ArgumentNullException.ThrowIfNull(buffer);
        byte[] content;
        try
        {
            content = File.ReadAllBytes(PathOf(name));
        }
        catch (FileNotFoundException)
        {
            return -1;
        }

        int room = Math.Max(0, buffer.Length - offset);
        Array.Copy(content, 0, buffer, offset, Math.Min(room, content.Length));
        return content.Length;
    }

    public void Write(string name, byte[] data, int offset, int count)
    {
        ArgumentNullException.ThrowIfNull(data);
        string target = PathOf(name);
        string temp = target + TempSuffix;
        using (FileStream stream = PrivateFiles.Create(temp))
        {
            stream.Write(data, offset, count);
            stream.Flush(flushToDisk: true);
        }

        File.Move(temp, target, overwrite: true);
    }

    public void Delete(string name) => File.Delete(PathOf(name));

    private string PathOf(string name)
    {
        if (string.IsNullOrEmpty(name) || name.Length > 24)
        {
            throw new ArgumentException("Store file names are 1 to 24 characters.", nameof(name));
        }

        foreach (char c in name)
        {
            if (c is < '!' or > '~' or '/' or '\\')
            {
                throw new ArgumentException("Store file names are flat printable ASCII.", nameof(name));
            }
        }

        return Path.Combine(_directory, name);
    }
}
