using System;
using System.Security.Cryptography;
using System.Text;
using MedCard.Settlement.Model;

namespace MedCard.Settlement.Rules;

/// <summary>
/// The keyed PIN verification value (PVV): HMAC-SHA256 under a PIN verification key of
/// <c>"MedCard PVV v1" || 0x00 || len(card) (2 bytes, big-endian) || card-number (UTF-8) || PIN digit values (one byte
/// 0..9 each)</c>. The length prefix keeps (card, PIN) pairs from running into each other; the card number is the ledger's, so
/// the same PIN on two cards gives unrelated values and a value cannot be moved to another card row). The label fixes
/// the purpose so the key cannot be used to forge some other MAC. The key never lives in the ledger: without it a
/// stolen table gives no offline test of a PIN at all, while a check costs one HMAC instead of 100,000 PBKDF2 rounds.
/// </summary>
internal static class PinVerificationValue
{
    public const int Length = 32;

    private static readonly byte[] Label = Encoding.ASCII.GetBytes("MedCard PVV v1");

    /// <summary>The MAC input; callers zero it after use (it holds the PIN).</summary>
    public static byte[] Input(string cardNumber, PinDigits pin)
    {
        ArgumentException.ThrowIfNullOrEmpty(cardNumber);
        ArgumentNullException.ThrowIfNull(pin);
        byte[] card = Encoding.UTF8.GetBytes(cardNumber);
        if (card.Length > ushort.MaxValue)
        {
            throw new ArgumentException("Card number too long.", nameof(cardNumber));
        }

        byte[] input = new byte[Label.Length + 3 + card.Length + pin.Digits.Length];
        Label.CopyTo(input, 0);
        input[Label.Length + 1] = (byte)(card.Length >> 8);
        input[Label.Length + 2] = (byte)card.Length;
        card.CopyTo(input, Label.Length + 3);
        pin.Digits.CopyTo(input.AsSpan(Label.Length + 3 + card.Length));
        return input;
    }

    /// <summary>A new keyed credential under the store's current key.</summary>
    public static PinCredential Create(IPinVerificationKeyStore keys, string cardNumber, PinDigits pin)
    {
        string keyId = keys.CurrentKeyId;
        byte[] value = new byte[Length];
        if (!Compute(keys, keyId, cardNumber, pin, value))
        {
            throw new PinKeyUnavailableException(keyId, "The PIN key store has no current key " + keyId + ".");
        }

        return new PinCredential([], value, 0, keyId);
    }

    /// <summary>Constant-time check of a keyed credential. Throws (does not answer "wrong PIN") when the key is not in
    /// the store: a configuration fault must not cost the holder a try.</summary>
    public static bool Verify(IPinVerificationKeyStore keys, string cardNumber, PinCredential credential, PinDigits pin)
    {
        Span<byte> candidate = stackalloc byte[Length];
        if (!Compute(keys, credential.KeyId!, cardNumber, pin, candidate))
        {
            throw new PinKeyUnavailableException(credential.KeyId!, "The PIN key store has no key " + credential.KeyId + ".");
        }

        bool same = credential.Hash.Length == Length && CryptographicOperations.FixedTimeEquals(candidate, credential.Hash);
        CryptographicOperations.ZeroMemory(candidate);
        return same;
    }

    private static bool Compute(IPinVerificationKeyStore keys, string keyId, string cardNumber, PinDigits pin, Span<byte> value)
    {
        byte[] input = Input(cardNumber, pin);
        try
        {
            return keys.TryComputeMac(keyId, input, value);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(input);
        }
    }
}
