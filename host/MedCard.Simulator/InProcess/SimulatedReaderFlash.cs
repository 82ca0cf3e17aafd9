using MedCard.Settlement.Files;
using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Security.Cryptography;
using System.Text;
using MedCard.Firmware.Reader;
using MedCard.Firmware.Storage;
using MedCard.Protocol;
using MedCard.Simulator.Hardware;

namespace MedCard.Simulator.InProcess;

/// <summary>
/// The persistent side of an in-process simulated reader: its flash directory (the firmware core's own files), the
/// card-issuer keys its virtual cards are personalised under (<c>scheme.keys</c>), and the lock file that keeps two
/// processes off one reader's flash.
/// </summary>
public static class SimulatedReaderFlash
{
    internal const string SchemeFile = "scheme.keys";
    internal const string FlashFolder = "flash";
    internal const string LockFile = "flash.lock";

    /// <summary>
    /// Where a simulated reader keeps its flash between runs for a given ledger: beside a SQLite ledger
    /// (<c>medcard.db.readers/reader-1/</c>), or for a PostgreSQL ledger under the user's local application data, in a
    /// folder named by a hash of the connection string (never the string itself: it may hold a password).
    /// </summary>
    public static string DirectoryFor(string ledger, uint readerId)
    {
        ArgumentException.ThrowIfNullOrEmpty(ledger);
        string reader = "reader-" + readerId.ToString(CultureInfo.InvariantCulture);
        if (!ledger.Contains("Host=", StringComparison.OrdinalIgnoreCase))
        {
            string path = ledger.StartsWith("sqlite:", StringComparison.OrdinalIgnoreCase) ? ledger["sqlite:".Length..] : ledger;
            return Path.Combine(Path.GetFullPath(path) + ".readers", reader);
        }

        string hash = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(ledger)), 0, 8);
        return Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData), "medcard", "in-process-readers", hash, reader);
    }

    /// <summary>True when <paramref name="directory"/> holds a provisioned simulated reader.</summary>
    public static bool IsProvisioned(string directory) => File.Exists(Path.Combine(directory, SchemeFile));

    /// <summary>
    /// Flashes a fresh reader: identity and key, counter floor <paramref name="startCounter"/>, and the card-system keys of a
    /// new scheme. A reader already there is wiped (a reflash: new key, new scheme). Takes the flash lock; throws
    /// <see cref="SimulatedReaderBusyException"/> when another process holds it. Folders 0700, files 0600.
    /// </summary>
    public static void Provision(string directory, uint readerId, byte[] key, uint startCounter)
    {
        ArgumentNullException.ThrowIfNull(key);
        PrivateFiles.CreateFolder(directory);
        using FileStream held = Lock(directory);
        foreach (string entry in Directory.EnumerateFileSystemEntries(directory))
        {
            if (Path.GetFileName(entry) == LockFile)
            {
                continue;
            }

            if (Directory.Exists(entry))
            {
                Directory.Delete(entry, recursive: true);
            }
            else
            {
                File.Delete(entry);
            }
        }

        string flash = Path.Combine(directory, FlashFolder);
        PrivateFiles.CreateFolder(flash);
        ReaderCore core = SimulatedReaderTransport.BootIdle(flash);
        if (core.Provisioning.Provision(readerId, key) != ProvisionStatus.Provisioned)
        {
            throw new IOException("The simulated reader's flash did not take the key.");
        }

        core.Counter.RaiseFloor(startCounter);
        // The scheme's issuer keys (key-A master, key-B master, holder-data MAC key); the reader gets the first only.
        byte[] scheme = RandomNumberGenerator.GetBytes(96);
        try
        {
            if (!core.InstallCardKeys(scheme[..32]))
            {
                throw new IOException("The simulated reader's flash did not take the card keys.");
            }

            PrivateFiles.WriteAtomically(Path.Combine(directory, SchemeFile), scheme);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(scheme);
        }
    }

    /// <summary>
    /// What the reader's flash holds now: its last reserved counter and the records still in its journal (signed and not
    /// yet acknowledged by the host). For tests and diagnostics; takes the flash lock for the read.
    /// </summary>
    public static (uint LastCounter, IReadOnlyList<SignedRecord> Journal) Inspect(string directory)
    {
        using FileStream held = Lock(directory);
        ReaderCore core = SimulatedReaderTransport.BootIdle(Path.Combine(directory, FlashFolder));
        var records = new List<SignedRecord>();
        var chunk = new SignedRecord[16];
        uint from = Math.Max(1u, core.Journal.OldestCounter);
        while (from != 0 && core.Journal.Count > 0)
        {
            int n = core.Journal.Read(from, uint.MaxValue, chunk, out uint next);
            for (int i = 0; i < n; i++)
            {
                records.Add(chunk[i]);
            }

            if (next == 0 || next <= from)
            {
                break;
            }

            from = next;
        }

        return (core.Counter.Last, records);
    }

    /// <summary>Takes the reader's flash lock (an exclusive advisory lock the OS drops when the process dies).</summary>
    internal static FileStream Lock(string directory)
    {
        string path = Path.Combine(directory, LockFile);
        try
        {
            PrivateFiles.EnsureExists(path);
            return new FileStream(path, FileMode.Open, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException e) when (e is not FileNotFoundException and not DirectoryNotFoundException)
        {
            throw new SimulatedReaderBusyException(directory);
        }
    }
}
