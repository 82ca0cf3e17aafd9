using System;
using MedCard.Protocol;

namespace MedCard.Firmware.Card
{
    /// <summary>
    /// The card-system key a READER holds: the key-A master, diversified per card and sector into the MIFARE key A that
    /// opens the holder sectors for reading (<see cref="SectorKeyDiversifier"/>). Nothing else: the key-B
    /// master (writes cards) and the holder-data MAC key (signs holder data) stay with the issuer
    /// (<see cref="IssuerCardKeys"/>), so a reader taken apart yields neither. Same for every reader of a scheme,
    /// provisioned once; never sent anywhere, wiped by <see cref="Wipe"/>.
    /// </summary>
    public sealed class CardKeys
    {
        /// <summary>Length of the key.</summary>
        public const int KeyLength = 32;

        private readonly byte[] _keyAMasterKey = new byte[KeyLength];

        /// <summary>Copy the 32-byte key-A master in (the caller wipes its copy).</summary>
        public CardKeys(byte[] keyAMasterKey)
        {
            if (keyAMasterKey == null || keyAMasterKey.Length != KeyLength)
            {
                throw new ArgumentException("the key-A master is 32 bytes");
            }

            Array.Copy(keyAMasterKey, _keyAMasterKey, KeyLength);
        }

        internal byte[] KeyAMasterKey
        {
            get { return _keyAMasterKey; }
        }

        /// <summary>Overwrite the key with zeros.</summary>
        public void Wipe()
        {
            ConstantTime.Wipe(_keyAMasterKey);
        }

        /// <summary>Never shows key material.</summary>
        public override string ToString()
        {
            return "CardKeys(****)";
        }
    }
}
