namespace MedCard.Protocol
{
    /// <summary>
    /// The issuer's MAC over the holder data, bound to the card UID:
    /// <code>
    /// HMAC-SHA256(holder-data MAC key, "MedCard.HolderData.v1" | uidLen | UID zero-padded to 10 | image[0..128))[0..16]
    /// </code>
    /// The key belongs to the issuer: the personalisation station computes the MAC when it writes a card, the host
    /// verifies the one a reader forwards (CardPresented). Readers never hold the key, so a reader taken apart cannot
    /// sign holder data. One instance owns its scratch buffer (not thread-safe).
    /// </summary>
    public sealed class HolderDataMac
    {
        /// <summary>Domain prefix of the MAC input.</summary>
        public const string Domain = "MedCard.HolderData.v1";

        /// <summary>MAC length in bytes.</summary>
        public const int Length = 16;

        /// <summary>Length of the MAC key.</summary>
        public const int KeyLength = 32;

        private const int MaxUidLength = 10;

        private readonly IHmacSha256 _hmac;
        private readonly byte[] _input = new byte[Domain.Length + 1 + MaxUidLength + HolderImageLayout.CoveredLength];
        private readonly byte[] _expected = new byte[Length];

        /// <summary>Create over an HMAC implementation.</summary>
        public HolderDataMac(IHmacSha256 hmac)
        {
            if (hmac == null)
            {
                throw new System.ArgumentNullException("hmac");
            }

            _hmac = hmac;
        }

        /// <summary>MAC of image[imageOff..+128) for this UID into mac[macOff..+16).</summary>
        public void Compute(byte[] key, byte[] uid, int uidLength, byte[] image, int imageOff, byte[] mac, int macOff)
        {
            if (uidLength < 1 || uidLength > MaxUidLength)
            {
                throw new System.ArgumentOutOfRangeException("uidLength");
            }

            int p = 0;
            for (int i = 0; i < Domain.Length; i++)
            {
                _input[p++] = (byte)Domain[i];
            }

            _input[p++] = (byte)uidLength;
            System.Array.Clear(_input, p, MaxUidLength);
            System.Array.Copy(uid, 0, _input, p, uidLength);
            p += MaxUidLength;
            System.Array.Copy(image, imageOff, _input, p, HolderImageLayout.CoveredLength);
            p += HolderImageLayout.CoveredLength;

            byte[] full = _hmac.Compute(key, _input, 0, p);
            System.Array.Copy(full, 0, mac, macOff, Length);
            ConstantTime.Wipe(full);
            System.Array.Clear(_input, 0, _input.Length);
        }

        /// <summary>True when mac[macOff..+16) is the MAC of image[imageOff..+128) for this UID (constant time).</summary>
        public bool Verify(byte[] key, byte[] uid, int uidLength, byte[] image, int imageOff, byte[] mac, int macOff)
        {
            Compute(key, uid, uidLength, image, imageOff, _expected, 0);
            bool ok = ConstantTime.AreEqual(_expected, 0, mac, macOff, Length);
            System.Array.Clear(_expected, 0, Length);
            return ok;
        }
    }
}
