using System;
using MedCard.Protocol;

namespace MedCard.Firmware.Card
{
    /// <summary>
    /// The card-system secrets a reader needs to read holder data: the sector master key (diversified per
    /// card into MIFARE keys) and the issuer key (checks the holder data MAC). Same for every reader of a
    /// scheme, provisioned with the reader's own key; never sent anywhere, wiped by <see cref="Wipe"/>.
    /// </summary>
    public sealed class CardKeys
    {
        /// <summary>Length of each key.</summary>
        public const int KeyLength = 32;

        private readonly byte[] _sectorMasterKey = new byte[KeyLength];
        private readonly byte[] _issuerKey = new byte[KeyLength];

        /// <summary>Copy the two 32-byte keys in (the caller wipes its copies).</summary>
        public CardKeys(byte[] sectorMasterKey, byte[] issuerKey)
        {
            if (sectorMasterKey == null || sectorMasterKey.Length != KeyLength || issuerKey == null || issuerKey.Length != KeyLength)
            {
                throw new ArgumentException("card keys must be 32 bytes each");
            }

            Array.Copy(sectorMasterKey, _sectorMasterKey, KeyLength);
            Array.Copy(issuerKey, _issuerKey, KeyLength);
        }

        internal byte[] SectorMasterKey
        {
            get { return _sectorMasterKey; }
        }

        internal byte[] IssuerKey
        {
            get { return _issuerKey; }
        }

        /// <summary>Overwrite both keys with zeros.</summary>
        public void Wipe()
        {
            ConstantTime.Wipe(_sectorMasterKey);
            ConstantTime.Wipe(_issuerKey);
        }

        /// <summary>Never shows key material.</summary>
        public override string ToString()
        {
            return "CardKeys(****)";
        }
    }
}
