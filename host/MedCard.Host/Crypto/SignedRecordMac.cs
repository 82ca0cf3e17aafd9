using System;
using System.Security.Cryptography;
using MedCard.Protocol;

namespace MedCard.Host.Crypto
{
    /// <summary>
    /// Allocation-free check of a <see cref="SignedRecord"/>'s MAC on the host. The shared
    /// <see cref="SignedRecord.Verify(IHmacSha256, byte[])"/> goes through <see cref="IHmacSha256"/>, whose contract (the
    /// reader's nanoFramework HMAC) returns a new array per call; here the HMAC is written into stack memory by .NET's span
    /// one-shot and compared in constant time, so verifying a stream of records allocates nothing once each thread has its
    /// MAC-input buffer. Same MAC input (<see cref="SignedRecord.WriteMacInput"/>), same result as the shared path.
    /// Thread-safe.
    /// </summary>
    public static class SignedRecordMac
    {
        // One MAC-input buffer per thread, reused for every record: the input holds record fields only (no key), and
        // a per-thread buffer keeps the check thread-safe without a lock or an allocation per call.
        [ThreadStatic]
        private static byte[]? t_macInput;

        /// <summary>
        /// True if <paramref name="record"/>'s MAC matches its fields under the reader's 32-byte <paramref name="key"/>.
        /// False, never an exception, for a record that has no MAC, whose fields do not fit the layout, or for a key that
        /// is not 32 bytes.
        /// </summary>
        public static bool Verify(SignedRecord record, ReadOnlySpan<byte> key)
        {
            ArgumentNullException.ThrowIfNull(record);
            if (key.Length != SignedRecord.KeyLength || record.Mac is not { Length: SignedRecord.MacLength } || !record.HasValidFields())
            {
                return false;
            }

            byte[] input = t_macInput ??= new byte[SignedRecord.MacInputLength];
            record.WriteMacInput(input, 0);
            Span<byte> full = stackalloc byte[HMACSHA256.HashSizeInBytes];
            HMACSHA256.HashData(key, input.AsSpan(0, SignedRecord.MacInputLength), full);
            bool genuine = CryptographicOperations.FixedTimeEquals(full[..SignedRecord.MacLength], record.Mac);
            // The untruncated half is never published; do not leave it on the stack.
            CryptographicOperations.ZeroMemory(full);
            return genuine;
        }
    }
}
