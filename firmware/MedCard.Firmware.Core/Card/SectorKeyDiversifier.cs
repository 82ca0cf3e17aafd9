using System;
using MedCard.Protocol;

namespace MedCard.Firmware.Card
{
    /// <summary>
    /// Per-card MIFARE keys, key A and key B from DIFFERENT masters: for sector s of a card with UID u,
    /// <code>
    /// key A = HMAC-SHA256(key-A master, "MedCard.SectorKeyA.v2" | len(u) | u | s)[0..6)
    /// key B = HMAC-SHA256(key-B master, "MedCard.SectorKeyB.v2" | len(u) | u | s)[0..6)
    /// </code>
    /// A key recovered from one card (Crypto1 is broken) opens no other card, no holder sector keeps the factory key,
    /// and a reader, which holds only the key-A master (<see cref="CardKeys"/>), cannot compute any key B: the write
    /// key stays with the issuer (<see cref="IssuerCardKeys"/>). One instance owns its scratch buffer.
    /// </summary>
    public sealed class SectorKeyDiversifier
    {
        /// <summary>MIFARE key length.</summary>
        public const int MifareKeyLength = 6;

        private readonly IHmacSha256 _hmac;
        private readonly byte[] _input;

        /// <summary>Create with the HMAC implementation.</summary>
        public SectorKeyDiversifier(IHmacSha256 hmac)
        {
            if (hmac == null)
            {
                throw new ArgumentNullException("hmac");
            }

            _hmac = hmac;
            _input = new byte[CardLayout.SectorKeyADomain.Length + 1 + 10 + 1];
        }

        /// <summary>Key A (read) of one sector into keyA[0..6), from the key-A master a reader holds.</summary>
        public void DeriveKeyA(CardKeys keys, byte[] uid, int uidLength, int sector, byte[] keyA)
        {
            Derive(keys.KeyAMasterKey, CardLayout.SectorKeyADomain, uid, uidLength, sector, keyA);
        }

        /// <summary>Key A of one sector from the issuer's keys (the same key a reader derives).</summary>
        public void DeriveKeyA(IssuerCardKeys keys, byte[] uid, int uidLength, int sector, byte[] keyA)
        {
            Derive(keys.KeyAMasterKey, CardLayout.SectorKeyADomain, uid, uidLength, sector, keyA);
        }

        /// <summary>Key B (write) of one sector into keyB[0..6): only the issuer's keys can give it.</summary>
        public void DeriveKeyB(IssuerCardKeys keys, byte[] uid, int uidLength, int sector, byte[] keyB)
        {
            Derive(keys.KeyBMasterKey, CardLayout.SectorKeyBDomain, uid, uidLength, sector, keyB);
        }

        private void Derive(byte[] master, string domain, byte[] uid, int uidLength, int sector, byte[] key)
        {
            if (uidLength < 1 || uidLength > 10)
            {
                throw new ArgumentOutOfRangeException("uidLength");
            }

            int p = 0;
            for (int i = 0; i < domain.Length; i++)
            {
                _input[p++] = (byte)domain[i];
            }

            _input[p++] = (byte)uidLength;
            Array.Copy(uid, 0, _input, p, uidLength);
            p += uidLength;
            _input[p++] = (byte)sector;

            byte[] d = _hmac.Compute(master, _input, 0, p);
            Array.Copy(d, 0, key, 0, MifareKeyLength);
            ConstantTime.Wipe(d);
            Array.Clear(_input, 0, _input.Length);
        }
    }
}
