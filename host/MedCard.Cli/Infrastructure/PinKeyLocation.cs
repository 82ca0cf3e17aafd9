using System;
using System.IO;
using MedCard.Settlement.Rules;

namespace MedCard.Cli.Infrastructure;

/// <summary>
/// Where the tool keeps the PIN verification keys (<see cref="PinKeyFile"/>): the file named by MEDCARD_PIN_KEYS, else
/// for a SQLite ledger the file "&lt;ledger&gt;.pin-keys" beside it. A PostgreSQL ledger has no default (the database
/// and a key file are not meant to share a place): without MEDCARD_PIN_KEYS it keeps PBKDF2 PINs. Setup commands
/// create the file 0600 with one key; other commands use it when it exists.
/// </summary>
internal static class PinKeyLocation
{
    public const string Variable = "MEDCARD_PIN_KEYS";

    public static string? For(string storeSpec)
    {
        string? configured = Environment.GetEnvironmentVariable(Variable);
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return configured;
        }

        return StoreConnector.IsPostgres(storeSpec) ? null : Path.GetFullPath(storeSpec) + ".pin-keys";
    }

    /// <summary>The key store for the ledger <paramref name="storeSpec"/>, or null (PBKDF2 PINs).</summary>
    public static PinKeyFile? Open(string storeSpec, StoreAccess access)
    {
        string? path = For(storeSpec);
        if (path is null || (access == StoreAccess.Existing && !File.Exists(path)))
        {
            return null;
        }

        return OnFile(path, () => access == StoreAccess.CreateIfMissing ? PinKeyFile.OpenOrCreate(path) : PinKeyFile.Open(path));
    }

    /// <summary>Rotation (`medcard pin keys rotate`): a new current key in the ledger's key file, which is created when
    /// the ledger has none yet (its PINs then move from PBKDF2 to keyed values at each holder's next right PIN).</summary>
    public static (string Path, string KeyId, bool Created) Rotate(string storeSpec)
    {
        string path = For(storeSpec) ?? throw CliException.BadInput(
            "a PostgreSQL ledger has no default PIN key file",
            "set " + Variable + " to the key file's path (kept apart from the database)");
        if (!File.Exists(path))
        {
            using PinKeyFile created = OnFile(path, () => PinKeyFile.OpenOrCreate(path));
            return (path, created.CurrentKeyId, true);
        }

        return (path, OnFile(path, () => PinKeyFile.AddKey(path)), false);
    }

    internal static T OnFile<T>(string path, Func<T> action, string what = "PIN key file")
    {
        try
        {
            return action();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw CliException.Io("cannot use the " + what + " " + Echo.Value(path, 256) + ": " + e.Message,
                "the file must be owner-only (chmod 600) and hold lines '<key id> <64 hex digits>'", e);
        }
    }
}
