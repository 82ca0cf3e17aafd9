using System;
using System.Buffers.Text;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace MedCard.Settlement.Rules;

/// <summary>
/// The electronic medical-insurance card's token, what the holder's phone shows as a QR code:
/// <c>MCE1.&lt;payload&gt;.&lt;mac&gt;</c>, both parts base64url. The payload is
/// <c>key id|token id|card number|issued (Unix s)|expires (Unix s)</c>; the MAC is HMAC-SHA256 under the scheme's e-card
/// key <c>key id</c> over "MCE1.", the payload and the holder's resident ID, so the token is bound to the card and the
/// holder without showing the resident ID to whoever scans it. Single use and expiry are the ledger's (ecard_tokens).
/// </summary>
public sealed record ECardToken(string KeyId, string TokenId, string CardNumber, DateTimeOffset IssuedAt, DateTimeOffset ExpiresAt)
{
    /// <summary>The token's prefix and format version.</summary>
    public const string Prefix = "MCE1";

    private const int MaxLength = 512;

    /// <summary>Reads the token's fields (without checking the MAC: see the ledger's settlement). False when malformed.</summary>
    public static bool TryParse(string? text, [NotNullWhen(true)] out ECardToken? token)
    {
        token = null;
        if (text is null || text.Length > MaxLength)
        {
            return false;
        }

        string[] parts = text.Trim().Split('.');
        if (parts.Length != 3 || parts[0] != Prefix || !TryDecode(parts[1], out byte[]? payload) || !TryDecode(parts[2], out byte[]? mac)
            || mac.Length != 32)
        {
            return false;
        }

        string[] fields = Encoding.UTF8.GetString(payload).Split('|');
        if (fields.Length != 5 || fields[0].Length == 0 || fields[1].Length == 0 || fields[2].Length == 0
            || !long.TryParse(fields[3], NumberStyles.None, CultureInfo.InvariantCulture, out long issued)
            || !long.TryParse(fields[4], NumberStyles.None, CultureInfo.InvariantCulture, out long expires)
            || issued > 253402300799 || expires > 253402300799)
        {
            return false;
        }

        token = new ECardToken(fields[0], fields[1], fields[2], DateTimeOffset.FromUnixTimeSeconds(issued), DateTimeOffset.FromUnixTimeSeconds(expires));
        return true;
    }

    /// <summary>Signs a new token for the card of <paramref name="residentId"/> under the store's current key.</summary>
    internal static string Create(IPinVerificationKeyStore keys, string tokenId, string cardNumber, string residentId, DateTimeOffset issuedAt,
        DateTimeOffset expiresAt)
    {
        string payload = Base64Url.EncodeToString(Encoding.UTF8.GetBytes(string.Join('|', keys.CurrentKeyId, tokenId, cardNumber,
            issuedAt.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture), expiresAt.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture))));
        byte[] mac = new byte[32];
        if (!keys.TryComputeMac(keys.CurrentKeyId, Signed(payload, residentId), mac))
        {
            throw new InvalidOperationException("The e-card key store has no current key.");
        }

        return Prefix + "." + payload + "." + Base64Url.EncodeToString(mac);
    }

    /// <summary>True when <paramref name="text"/> carries the scheme's MAC for the holder <paramref name="residentId"/>
    /// (constant-time compare; a key the store does not hold is a forgery).</summary>
    internal static bool HasValidMac(IPinVerificationKeyStore keys, string text, string residentId)
    {
        string[] parts = text.Trim().Split('.');
        if (parts.Length != 3 || !TryParse(text, out ECardToken? token) || !TryDecode(parts[2], out byte[]? given))
        {
            return false;
        }

        Span<byte> expected = stackalloc byte[32];
        return keys.TryComputeMac(token.KeyId, Signed(parts[1], residentId), expected) && CryptographicOperations.FixedTimeEquals(expected, given);
    }

    private static byte[] Signed(string payload, string residentId) => Encoding.UTF8.GetBytes(Prefix + "." + payload + "|" + residentId);

    private static bool TryDecode(string part, [NotNullWhen(true)] out byte[]? bytes)
    {
        bytes = null;
        if (part.Length == 0)
        {
            return false;
        }

        try
        {
            bytes = Base64Url.DecodeFromChars(part);
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
