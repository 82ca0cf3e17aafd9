using System;
using System.Collections.Generic;
using System.IO;
using System.Security.Cryptography;
using System.Text;
using MedCard.Settlement.Files;

namespace MedCard.Settlement.Rules;

/// <summary>
/// Development <see cref="IPinVerificationKeyStore"/>: PIN verification keys in an owner-only (0600) text file, one
/// key a line, <c>&lt;key id&gt; &lt;64 hex digits&gt;</c>; the last line is the current key, so rotation appends a
/// line (<see cref="AddKey"/>) and older values keep verifying while their line stays. A file that group or others
/// may read or write is refused on open. Production puts the keys in an HSM or vault behind the same interface.
/// Errors name the file and line, never the key material.
/// </summary>
public sealed class PinKeyFile : IPinVerificationKeyStore, IDisposable
{
    private const int KeyLength = 32;
    private const UnixFileMode GroupOrOthers = UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.GroupExecute
        | UnixFileMode.OtherRead | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute;

    private readonly Dictionary<string, byte[]> _keys;
    private readonly List<string> _order;
    private bool _disposed;

    private PinKeyFile(Dictionary<string, byte[]> keys, List<string> order)
    {
        _keys = keys;
        _order = order;
        CurrentKeyId = order[^1];
    }

    /// <inheritdoc/>
    public string CurrentKeyId { get; }

    /// <summary>Ids of the keys in the file, oldest first.</summary>
    public IReadOnlyList<string> KeyIds => _order;

    /// <summary>Reads the key file. Throws <see cref="UnauthorizedAccessException"/> when group or others have any
    /// access to it, <see cref="InvalidDataException"/> when a line is malformed or there is no key.</summary>
    public static PinKeyFile Open(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (!OperatingSystem.IsWindows() && (File.GetUnixFileMode(path) & GroupOrOthers) != 0)
        {
            throw new UnauthorizedAccessException("The PIN key file " + path + " is open to group or others; it must be owner-only (chmod 600).");
        }

        var keys = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        var order = new List<string>();
        string[] lines = File.ReadAllLines(path);
        for (int i = 0; i < lines.Length; i++)
        {
            string line = lines[i].Trim();
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            string[] parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            byte[]? key = parts.Length == 2 && IsKeyId(parts[0]) && parts[1].Length == 2 * KeyLength ? TryHex(parts[1]) : null;
            if (key is null || !keys.TryAdd(parts[0], key))
            {
                throw new InvalidDataException("The PIN key file " + path + ", line " + (i + 1) + ", is not '<new key id> <64 hex digits>'.");
            }

            order.Add(parts[0]);
        }

        return order.Count == 0
            ? throw new InvalidDataException("The PIN key file " + path + " holds no key.")
            : new PinKeyFile(keys, order);
    }

    /// <summary>Creates the key file (0600) with one fresh random key, unless it exists; then opens it. Two processes
    /// creating it at once end up with the same file (the first one's): a key file is never replaced, since values
    /// made under a lost key could never be verified again.</summary>
    public static PinKeyFile OpenOrCreate(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (!File.Exists(path))
        {
            byte[] content = Encoding.ASCII.GetBytes(NewKeyLine());
            try
            {
                PrivateFiles.CreateAtomically(path, content);
            }
            finally
            {
                CryptographicOperations.ZeroMemory(content);
            }
        }

        return Open(path);
    }

    /// <summary>Rotation: appends a fresh random key, which becomes current; returns its id. Values under the older
    /// keys keep verifying and are re-made under the new key at each holder's next right PIN.</summary>
    public static string AddKey(string path)
    {
        using (Open(path))
        {
            // Opened only to apply the same checks (mode, format) before writing.
        }

        string line = NewKeyLine();
        byte[] old = File.ReadAllBytes(path);
        byte[] added = Encoding.ASCII.GetBytes(line);
        bool needsNewline = old.Length > 0 && old[^1] != (byte)'\n';
        byte[] content = new byte[old.Length + (needsNewline ? 1 : 0) + added.Length];
        old.CopyTo(content, 0);
        if (needsNewline)
        {
            content[old.Length] = (byte)'\n';
        }

        added.CopyTo(content, content.Length - added.Length);
        try
        {
            PrivateFiles.WriteAtomically(path, content);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(old);
            CryptographicOperations.ZeroMemory(content);
            CryptographicOperations.ZeroMemory(added);
        }

        return line.Split(' ')[0];
    }

    /// <inheritdoc/>
    public bool TryComputeMac(string keyId, ReadOnlySpan<byte> data, Span<byte> mac)
    {
        ObjectDisposedException.ThrowIf(_disposed, this); // the keys are wiped: a MAC now would be under zeros
        if (keyId is null || !_keys.TryGetValue(keyId, out byte[]? key))
        {
            return false;
        }

        HMACSHA256.HashData(key, data, mac);
        return true;
    }

    /// <summary>Wipes the keys from memory.</summary>
    public void Dispose()
    {
        _disposed = true;
        foreach (byte[] key in _keys.Values)
        {
            CryptographicOperations.ZeroMemory(key);
        }
    }

    /// <summary>Key ids are short, printable and carry no secret: "pvk-" and 8 random hex digits.</summary>
    private static string NewKeyLine()
    {
        byte[] key = RandomNumberGenerator.GetBytes(KeyLength);
        try
        {
            return "pvk-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4)) + " " + Convert.ToHexStringLower(key) + "\n";
        }
        finally
        {
            CryptographicOperations.ZeroMemory(key);
        }
    }

    private static bool IsKeyId(string id)
    {
        if (id.Length is 0 or > 32)
        {
            return false;
        }

        foreach (char c in id)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.'))
            {
                return false;
            }
        }

        return true;
    }

    private static byte[]? TryHex(string hex)
    {
        try
        {
            return Convert.FromHexString(hex);
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
