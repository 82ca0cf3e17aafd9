using System;
using MedCard.Protocol;

namespace MedCard.Firmware.Card
{
    /// <summary>
    /// Per-card MIFARE keys: for sector s of a card with UID u,
    /// <code>
    /// d = HMAC-SHA256(sector master key, "MedCard.SectorKey.v1" | len(u) | u | s)
    /// key A = d[0..6), key B = d[6..12)
    /// </code>
    /// so a key recovered from one card (Crypto1 is broken) opens no other card, and no holder sector
    /// ever keeps the factory default key.
    /// </summary>
    public sealed class SectorKeyDiversifier
    {
        /// <summary>MIFARE key length.</summary>
        public const int MifareKeyLength = 6;

        private readonly IHmacSha256 _hmac;
        private readonly CardKeys _keys;
        private readonly byte[] _input;

        /// <summary>Create with the HMAC implementation and the card-system keys.</summary>
        public SectorKeyDiversifier(IHmacSha256 hmac, CardKeys keys)
        {
            if (hmac == null || keys == null)
            {
                throw new ArgumentNullException(hmac == null ? "hmac" : "keys");
            }

            _hmac = hmac;
            _keys = keys;
            _input = new byte[CardLayout.SectorKeyDomain.Length + 1 + 10 + 1];
        }

        /// <summary>Derive key A into keyA[0..6) and key B into keyB[0..6) for one sector.</summary>
        public void Derive(byte[] uid, int uidLength, int sector, byte[] keyA, byte[] keyB)
        {
            if (uidLength < 1 || uidLength > 10)
            {
                throw new ArgumentOutOfRangeException("uidLength");
            }

            string domain = CardLayout.SectorKeyDomain;
            int p = 0;
            for (int i = 0; i < domain.Length; i++)
            {
                _input[p++] = (byte)domain[i];
            }

            _input[p++] = (byte)uidLength;
            Array.Copy(uid, 0, _input, p, uidLength);
            p += uidLength;
            _input[p++] = (byte)sector;

            byte[] d = _hmac.Compute(_keys.SectorMasterKey, _input, 0, p);
            Array.Copy(d, 0, keyA, 0, MifareKeyLength);
            Array.Copy(d, MifareKeyLength, keyB, 0, MifareKeyLength);
            ConstantTime.Wipe(d);
        }
    }
}
