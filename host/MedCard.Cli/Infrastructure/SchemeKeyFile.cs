using System;
using System.IO;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

using MedCard.Protocol;

namespace MedCard.Cli.Infrastructure;

/// <summary>
/// The one place the tool reads a 32-byte key of the card scheme from a file. A key file is
/// <list type="bullet">
/// <item>32 raw bytes;</item>
/// <item>64 hexadecimal digits (white space and line breaks ignored);</item>
/// <item>a simulator cards file (JSON with <c>scheme.&lt;field&gt;</c>), so the key is exactly the one the simulator's
/// cards were personalised under (`medcard sim --export-cards` writes one); the file's other keys are ignored.</item>
/// </list>
/// Each key the tool takes is one instance here: its option, its field in a cards file and its name in errors. Every
/// problem is bad input (exit 2, one line) naming the option and the file, never a key byte; the caller wipes the key.
/// </summary>
internal sealed record SchemeKeyFile(string Option, string CardsFileField, string Name, string What, int KeyLength)
{
    /// <summary>The scheme's key-A master, given to a reader (`provision --card-keys`).</summary>
    public static readonly SchemeKeyFile KeyAMaster = new("--card-keys", "keyAMasterKey", "reader card key", "the scheme's key-A master",
        ProvisionCardKeys.KeyLength);

    /// <summary>The issuer's holder-data MAC key, with which the host verifies the holder data a reader forwards (`settle --holder-mac-key`).</summary>
    public static readonly SchemeKeyFile HolderMac = new("--holder-mac-key", "holderMacKey", "holder-data MAC key", "the issuer's holder-data MAC key",
        HolderDataMac.KeyLength);

    /// <summary>Reads and checks the file: a fresh <see cref="KeyLength"/>-byte array the caller owns (and wipes).</summary>
    public byte[] Read(string path)
    {
        byte[] content;
        try
        {
            content = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw CliException.BadInput(Option + " file " + path + " does not exist", "give a file with " + KeyLength + " raw bytes, " + (2 * KeyLength) + " hex digits, or a cards file");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw CliException.Io(Option + " file " + path + " cannot be read (" + e.GetType().Name + ")", "check the path and its permissions");
        }

        try
        {
            byte[]? key = content.Length == KeyLength ? (byte[])content.Clone() : FromText(content);
            if (key is null || key.Length != KeyLength)
            {
                if (key is not null)
                {
                    CryptographicOperations.ZeroMemory(key);
                }

                throw CliException.BadInput(Option + " file " + path + " holds no " + Name,
                    "give " + KeyLength + " raw bytes, " + (2 * KeyLength) + " hex digits (" + What + "), or a cards file with a \"scheme\"");
            }

            // What a reader or the verifier would refuse, refused here before anything is sent.
            if (key.AsSpan().IndexOfAnyExcept((byte)0) < 0)
            {
                throw CliException.BadInput(Option + " file " + path + " is not usable: the key is all zeros", What + " is a random " + KeyLength + "-byte key");
            }

            return key;
        }
        finally
        {
            CryptographicOperations.ZeroMemory(content);
        }
    }

    private byte[]? FromText(byte[] content)
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

            return hex.Length == 2 * KeyLength ? Convert.FromHexString(hex.ToString()) : null;
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

    private byte[]? FromCardsFile(string json)
    {
        using JsonDocument doc = JsonDocument.Parse(json);
        if (!TryGet(doc.RootElement, "scheme", out JsonElement scheme)
            || !TryGet(scheme, CardsFileField, out JsonElement field) || field.ValueKind != JsonValueKind.String)
        {
            return null;
        }

        string hex = field.GetString()!;
        return hex.Length == 2 * KeyLength ? Convert.FromHexString(hex) : null;
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
}
