using System;
using System.Security.Cryptography;

namespace MedCard.Cli.Infrastructure;

/// <summary>
/// The card key a reader is given: the scheme's key-A master (32 bytes), read from a file given with
/// `provision --card-keys` (32 raw bytes, 64 hex digits, or a simulator cards file with <c>scheme.keyAMasterKey</c>:
/// <see cref="SchemeKeyFile"/>, the one parser of key files).
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

    /// <summary>Reads and checks the file (<see cref="SchemeKeyFile.KeyAMaster"/>). Every problem is bad input (exit 2)
    /// naming the file, never a key byte.</summary>
    public static CardKeysSource Load(string path) => new(SchemeKeyFile.KeyAMaster.Read(path));

    public void Dispose()
    {
        CryptographicOperations.ZeroMemory(KeyAMasterKey);
    }

    public override string ToString() => "CardKeysSource(key A master " + KeyAMasterKeyFingerprint + ")";
}
