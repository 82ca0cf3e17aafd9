using System;
using MedCard.Firmware.Hardware;
using MedCard.Firmware.Keypad;
using MedCard.Protocol;

namespace MedCard.Firmware.Pin
{
    /// <summary>
    /// Turns a completed <see cref="PinEntry"/> into an ISO 9564 format 4 PIN block for the card number,
    /// enciphered under the per-transaction key (<see cref="PinKeyDerivation"/>). Every intermediate
    /// (PIN field, PAN field, key, random fill) is wiped before returning, and so is the entry itself.
    /// </summary>
    public sealed class PinBlockEncoder
    {
        private readonly IHmacSha256 _hmac;
        private readonly IAes128 _aes;
        private readonly IEntropySource _entropy;
        private readonly byte[] _pinField = new byte[PinBlockFormat4.BlockSize];
        private readonly byte[] _panField = new byte[PinBlockFormat4.BlockSize];
        private readonly byte[] _random = new byte[PinBlockFormat4.RandomLength];
        private readonly byte[] _key = new byte[PinKeyDerivation.KeyLength];
        private readonly byte[] _derivationInput = new byte[PinKeyDerivation.InputLength];
        private readonly byte[] _intermediate = new byte[PinBlockFormat4.BlockSize];

        /// <summary>Create with the crypto primitives and the random source.</summary>
        public PinBlockEncoder(IHmacSha256 hmac, IAes128 aes, IEntropySource entropy)
        {
            if (hmac == null || aes == null || entropy == null)
            {
                throw new ArgumentNullException("crypto");
            }

            _hmac = hmac;
            _aes = aes;
            _entropy = entropy;
        }

        /// <summary>
        /// Encipher the entered PIN into block[blockOff..+16). The entry must be complete; it is wiped
        /// afterwards whatever happens.
        /// </summary>
        public void Encode(PinEntry entry, string cardNumber, byte[] readerKey, uint readerId, uint keyCounter, byte[] block, int blockOff)
        {
            try
            {
                if (!entry.IsComplete)
                {
                    throw new InvalidOperationException("PIN entry not complete");
                }

                _entropy.NextBytes(_random, 0, _random.Length);
                PinBlockFormat4.EncodePinField(entry.Digits, 0, entry.DigitCount, _random, 0, _pinField, 0);
                PinBlockFormat4.EncodePanField(cardNumber, _panField, 0);
                PinKeyDerivation.Derive(_hmac, readerKey, readerId, keyCounter, _key, _derivationInput);
                PinBlockFormat4.Encipher(_aes, _key, _pinField, 0, _panField, 0, block, blockOff, _intermediate);
            }
            finally
            {
                entry.Wipe();
                ConstantTime.Wipe(_pinField);
                ConstantTime.Wipe(_panField);
                ConstantTime.Wipe(_random);
                ConstantTime.Wipe(_key);
                ConstantTime.Wipe(_intermediate);
            }
        }
    }
}
