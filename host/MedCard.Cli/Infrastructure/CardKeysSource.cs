using System;
using System.IO;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

using MedCard.Protocol;

namespace MedCard.Cli.Infrastructure;

/// <summary>
/// The card key a reader is given: the scheme's key-A master (32 bytes), read from the one place the tool takes it
/// from, a file given with `provision --card-keys`:
/// <list type="bullet">
/// <item>32 raw bytes;</item>
/// <item>64 hexadecimal digits (white space and line breaks ignored);</item>
/// <item>a simulator cards file (JSON with <c>scheme.keyAMasterKey</c>), so the reader gets exactly the key the
/// simulator's cards were personalised under (`medcard sim --export-cards` writes one).</item>
/// </list>
/// Readers get nothing else of the card system: the key-B master and the holder-data MAC key are the issuer's (a
/// cards file's other scheme keys are ignored here). The ledger does not hold card keys, so there is no default. Keys
/// are never printed: only a fingerprint (first 8 bytes of the key's SHA-256). The owner disposes the instance to wipe it.
/// </summary>
internal sealed class CardKeysSource : IDisposable
{
    private CardKeysSource(byte[] keyAMasterKey)
    {
        KeyAMasterKey = keyAMasterKey;
    }

    public byte[] KeyAMasterKey { get; }

    public string KeyAMasterKeyFingerprint => Fingerprint(KeyAMasterKey);

    public static string Fingerprint(byte[] key) => Convert.ToHexString(SHA256.HashData(key).AsSpan(0, 8));

    /// <summary>Reads and checks the file. Every problem is bad input (exit 2) naming the file, never a key byte.</summary>
    public static CardKeysSource Load(string path)
    {
        byte[] content;
        try
        {
            content = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw CliException.BadInput("--card-keys file " + path + " does not exist", "give a file with 32 raw bytes, 64 hex digits, or a cards file");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw CliException.Io("--card-keys file " + path + " cannot be read (" + e.GetType().Name + ")", "check the path and its permissions");
        }

        try
        {
            byte[]? key = content.Length == ProvisionCardKeys.KeyLength ? (byte[])content.Clone() : FromText(content);
            if (key is null || key.Length != ProvisionCardKeys.KeyLength)
            {
                throw CliException.BadInput("--card-keys file " + path + " holds no reader card key",
                    "give 32 raw bytes, 64 hex digits (the scheme's key-A master), or a cards file with a \"scheme\"");
            }

            var keys = new CardKeysSource(key);
            keys.Check(path);
            return keys;
        }
        finally
        {
            CryptographicOperations.ZeroMemory(content);
        }
    }

    /// <summary>What the reader would refuse as InvalidKey, refused here before anything is sent.</summary>
    private void Check(string path)
    {
        if (KeyAMasterKey.AsSpan().IndexOfAnyExcept((byte)0) < 0)
        {
            Dispose();
            throw CliException.BadInput("--card-keys file " + path + " is not usable: the key is all zeros",
                "the key-A master is a random 32-byte key");
        }
    }

    private static byte[]? FromText(byte[] content)
    {
        string text = Encoding.UTF8.GetString(content);
        try
        {
            string trimmed = text.TrimStart('\uFEFF', ' ', '\t', '\r', '\n');
            if (trimmed.StartsWith('{'))
            {
                return FromCardsFile(trimmed);
            }

            var hex = new StringBuilder(text.Length);
            foreach (char c in text)
            {
                if (!char.IsWhiteSpace(c))
                {
                    hex.Append(c);
                }
            }

            return hex.Length == 2 * ProvisionCardKeys.KeyLength ? Convert.FromHexString(hex.ToString()) : null;
        }
        catch (FormatException)
        {
            return null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static byte[]? FromCardsFile(string json)
    {
        using JsonDocument doc = JsonDocument.Parse(json);
        if (!TryGet(doc.RootElement, "scheme", out JsonElement scheme)
            || !TryGet(scheme, "keyAMasterKey", out JsonElement master) || master.ValueKind != JsonValueKind.String)
        {
            return null;
        }

        string hex = master.GetString()!;
        return hex.Length == 2 * ProvisionCardKeys.KeyLength ? Convert.FromHexString(hex) : null;
    }

    private static bool TryGet(JsonElement element, string name, out JsonElement value)
    {
        value = default;
        if (element.ValueKind != JsonValueKind.Object)
        {
            return false;
        }

        foreach (JsonProperty p in element.EnumerateObject())
        {
            if (string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                value = p.Value;
                return true;
            }
        }

        return false;
    }

    public void Dispose()
    {
        CryptographicOperations.ZeroMemory(KeyAMasterKey);
    }

    public override string ToString() => "CardKeysSource(key A master " + KeyAMasterKeyFingerprint + ")";
}
