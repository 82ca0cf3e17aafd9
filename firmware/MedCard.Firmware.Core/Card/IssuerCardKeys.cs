using System;
using MedCard.Protocol;

namespace MedCard.Firmware.Card
{
    /// <summary>
    /// The issuer's card-system keys, held by the personalisation station (and, for the MAC key, the host), never by a
    /// reader: the key-A master (the one part readers get, as <see cref="ReaderKeys"/>), the key-B master (writes the
    /// holder sectors and their trailers) and the holder-data MAC key (<see cref="HolderDataMac"/>). Three independent
    /// 32-byte secrets: none all zeros, no two equal (<see cref="Check"/>). Wiped by <see cref="Wipe"/>.
    /// </summary>
    public sealed class IssuerCardKeys
    {
        private readonly byte[] _keyAMasterKey = new byte[CardKeys.KeyLength];
        private readonly byte[] _keyBMasterKey = new byte[CardKeys.KeyLength];
        private readonly byte[] _holderMacKey = new byte[CardKeys.KeyLength];

        /// <summary>Copy the three keys in (the caller wipes its copies). ArgumentException unless <see cref="Check"/> passes.</summary>
        public IssuerCardKeys(byte[] keyAMasterKey, byte[] keyBMasterKey, byte[] holderMacKey)
        {
            if (!Check(keyAMasterKey, keyBMasterKey, holderMacKey))
            {
                throw new ArgumentException("issuer keys: three 32-byte keys, none all zeros, no two equal");
            }

            Array.Copy(keyAMasterKey, _keyAMasterKey, CardKeys.KeyLength);
            Array.Copy(keyBMasterKey, _keyBMasterKey, CardKeys.KeyLength);
            Array.Copy(holderMacKey, _holderMacKey, CardKeys.KeyLength);
        }

        internal byte[] KeyAMasterKey
        {
            get { return _keyAMasterKey; }
        }

        internal byte[] KeyBMasterKey
        {
            get { return _keyBMasterKey; }
        }

        internal byte[] HolderMacKey
        {
            get { return _holderMacKey; }
        }

        /// <summary>True for three 32-byte keys, none all zeros, no two equal.</summary>
        public static bool Check(byte[] keyAMasterKey, byte[] keyBMasterKey, byte[] holderMacKey)
        {
            return Usable(keyAMasterKey) && Usable(keyBMasterKey) && Usable(holderMacKey)
                && !ConstantTime.AreEqual(keyAMasterKey, 0, keyBMasterKey, 0, CardKeys.KeyLength)
                && !ConstantTime.AreEqual(keyAMasterKey, 0, holderMacKey, 0, CardKeys.KeyLength)
                && !ConstantTime.AreEqual(keyBMasterKey, 0, holderMacKey, 0, CardKeys.KeyLength);
        }

        /// <summary>What a reader is given: the key-A master only.</summary>
        public CardKeys ReaderKeys()
        {
            return new CardKeys(_keyAMasterKey);
        }

        /// <summary>Overwrite all three keys with zeros.</summary>
        public void Wipe()
        {
            ConstantTime.Wipe(_keyAMasterKey);
            ConstantTime.Wipe(_keyBMasterKey);
            ConstantTime.Wipe(_holderMacKey);
        }

        /// <summary>Never shows key material.</summary>
        public override string ToString()
        {
            return "IssuerCardKeys(****)";
        }

        private static bool Usable(byte[] key)
        {
            return key != null && key.Length == CardKeys.KeyLength && !Util.Secrets.IsAllZero(key, 0, CardKeys.KeyLength);
        }
    }
}
