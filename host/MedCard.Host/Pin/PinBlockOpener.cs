using System;
using System.Threading;
using System.Threading.Tasks;
using MedCard.Host.Verification;
using MedCard.Protocol;

namespace MedCard.Host.Pin
{
    /// <summary>
    /// Turns a reader's enciphered ISO 9564 format 4 PIN block into digit values and hands them to the
    /// PIN verifier. Every intermediate (reader key, PIN key, decoded field, digits) is wiped in a
    /// finally block; nothing here formats or logs a value.
    /// </summary>
    internal sealed class PinBlockOpener
    {
        private readonly IReaderKeyStore _keys;
        private readonly IHmacSha256 _hmac;
        private readonly IAes128 _aes;

        public PinBlockOpener(IReaderKeyStore keys, IHmacSha256 hmac, IAes128 aes)
        {
            _keys = keys ?? throw new ArgumentNullException(nameof(keys));
            _hmac = hmac ?? throw new ArgumentNullException(nameof(hmac));
            _aes = aes ?? throw new ArgumentNullException(nameof(aes));
        }

        /// <summary>
        /// Deciphers <paramref name="pinBlock"/> (16 bytes) under the key for (readerId, keyCounter) and the
        /// card number, and returns the verifier's answer; <see cref="PinOutcome.UndecodableBlock"/> if the
        /// block does not decode (wrong key, wrong card, forged), <see cref="PinOutcome.UnknownReader"/> if
        /// there is no key.
        /// </summary>
        public async Task<PinOutcome> OpenAndVerifyAsync(uint readerId, uint keyCounter, byte[] pinBlock, string cardNumber,
            IPinVerifier verifier, CancellationToken cancellationToken)
        {
            ArgumentNullException.ThrowIfNull(pinBlock);
            ArgumentNullException.ThrowIfNull(verifier);
            byte[]? readerKey = readerId == 0 ? null : await _keys.GetKeyAsync(readerId, cancellationToken).ConfigureAwait(false);
            if (readerKey is null)
            {
                return PinOutcome.UnknownReader;
            }
            byte[] pinKey = new byte[PinKey.Length];
            byte[] digits = new byte[PinBlockFormat4.MaxPinLength];
            try
            {
                PinKey.Derive(_hmac, readerKey, readerId, keyCounter, pinKey);
                ConstantTime.Wipe(readerKey);
                int length = PinBlockFormat4.DecodeBlock(_aes, pinKey, pinBlock, 0, cardNumber, digits, 0);
                ConstantTime.Wipe(pinKey);
                if (length < PinBlockFormat4.MinPinLength)
                {
                    return PinOutcome.UndecodableBlock;
                }
                PinCheck check = await verifier.VerifyAsync(new PinCheckRequest(readerId, cardNumber), digits.AsMemory(0, length), cancellationToken)
                    .ConfigureAwait(false);
                return check switch
                {
                    PinCheck.Correct => PinOutcome.Correct,
                    PinCheck.Wrong => PinOutcome.Wrong,
                    _ => PinOutcome.Blocked,
                };
            }
            finally
            {
                ConstantTime.Wipe(readerKey);
                ConstantTime.Wipe(pinKey);
                ConstantTime.Wipe(digits);
                ConstantTime.Wipe(pinBlock);
            }
        }
    }
}
