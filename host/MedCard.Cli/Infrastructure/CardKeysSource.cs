using System;
using System.IO;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

using MedCard.Protocol;

namespace MedCard.Cli.Infrastructure;

/// <summary>
/// The card-system keys of a scheme (sector master key, issuer key: 32 bytes each) read from the one place the
/// tool takes them from, a file given with `provision --card-keys`:
/// <list type="bullet">
/// <item>64 raw bytes (master key, then issuer key);</item>
/// <item>128 hexadecimal digits in the same order (white space and line breaks ignored);</item>
/// <item>a simulator cards file (JSON with <c>scheme.sectorMasterKey</c> and <c>scheme.issuerKey</c>), so the reader
/// gets exactly the keys the simulator's cards were personalised under (`medcard sim --export-cards` writes one).</item>
/// </list>
/// The ledger does not hold card-system keys, so there is no default. Keys are never printed: only fingerprints
/// (first 8 bytes of each key's SHA-256). The owner disposes the instance to wipe them.
/// </summary>
internal sealed class CardKeysSource : IDisposable
{
    private CardKeysSource(byte[] sectorMasterKey, byte[] issuerKey)
    {
        SectorMasterKey = sectorMasterKey;
        IssuerKey = issuerKey;
    }

    public byte[] SectorMasterKey { get; }

    public byte[] IssuerKey { get; }

    public string SectorMasterKeyFingerprint => Fingerprint(SectorMasterKey);

    public string IssuerKeyFingerprint => Fingerprint(IssuerKey);

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
            throw CliException.BadInput("--card-keys file " + path + " does not exist", "give a file with 64 raw bytes, 128 hex digits, or a cards file");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw CliException.Io("--card-keys file " + path + " cannot be read (" + e.GetType().Name + ")", "check the path and its permissions");
        }

        try
        {
            byte[]? both = content.Length == 2 * ProvisionCardKeys.KeyLength ? (byte[])content.Clone() : FromText(content);
            if (both is null || both.Length != 2 * ProvisionCardKeys.KeyLength)
            {
                throw CliException.BadInput("--card-keys file " + path + " holds no card-system keys",
                    "give 64 raw bytes, 128 hex digits (sector master key then issuer key), or a cards file with a \"scheme\"");
            }

            var keys = new CardKeysSource(both.AsSpan(0, ProvisionCardKeys.KeyLength).ToArray(), both.AsSpan(ProvisionCardKeys.KeyLength).ToArray());
            CryptographicOperations.ZeroMemory(both);
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
        bool masterZero = SectorMasterKey.AsSpan().IndexOfAnyExcept((byte)0) < 0;
        bool issuerZero = IssuerKey.AsSpan().IndexOfAnyExcept((byte)0) < 0;
        if (masterZero || issuerZero || CryptographicOperations.FixedTimeEquals(SectorMasterKey, IssuerKey))
        {
            Dispose();
            throw CliException.BadInput("--card-keys file " + path + " is not usable: a key is all zeros, or both keys are the same",
                "the sector master key and the issuer key are two different random 32-byte keys");
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

            return hex.Length == 4 * ProvisionCardKeys.KeyLength ? Convert.FromHexString(hex.ToString()) : null;
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
            || !TryGet(scheme, "sectorMasterKey", out JsonElement master) || master.ValueKind != JsonValueKind.String
            || !TryGet(scheme, "issuerKey", out JsonElement issuer) || issuer.ValueKind != JsonValueKind.String)
        {
            return null;
        }

        string both = master.GetString() + issuer.GetString();
        return both.Length == 4 * ProvisionCardKeys.KeyLength ? Convert.FromHexString(both) : null;
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
        CryptographicOperations.ZeroMemory(SectorMasterKey);
        CryptographicOperations.ZeroMemory(IssuerKey);
    }

    public override string ToString() => "CardKeysSource(master " + SectorMasterKeyFingerprint + ", issuer " + IssuerKeyFingerprint + ")";
}
