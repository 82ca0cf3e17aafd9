using System;
using MedCard.Protocol;

namespace MedCard.Firmware.Card
{
    /// <summary>
    /// Converts between <see cref="HolderData"/> and the 144-byte holder image described in
    /// <see cref="CardLayout"/>, including the issuer MAC bound to the card UID.
    /// </summary>
    public sealed class HolderImage
    {
        private readonly IHmacSha256 _hmac;
        private readonly CardKeys _keys;
        private readonly byte[] _macInput;
        private readonly byte[] _expectedMac = new byte[CardLayout.MacLength];

        /// <summary>Create with the HMAC implementation and the card-system keys (issuer key used).</summary>
        public HolderImage(IHmacSha256 hmac, CardKeys keys)
        {
            if (hmac == null || keys == null)
            {
                throw new ArgumentNullException(hmac == null ? "hmac" : "keys");
            }

            _hmac = hmac;
            _keys = keys;
            _macInput = new byte[CardLayout.IssuerMacDomain.Length + 1 + 10 + CardLayout.MacCoveredLength];
        }

        /// <summary>True for the GB/T 2261.1 codes we store.</summary>
        public static bool IsKnownGender(byte code)
        {
            return code == (byte)Gender.Unknown || code == (byte)Gender.Male || code == (byte)Gender.Female || code == (byte)Gender.Unspecified;
        }

        /// <summary>Write the image for <paramref name="data"/> on the card with this UID into image[0..144).</summary>
        public void Encode(HolderData data, byte[] uid, int uidLength, byte[] image)
        {
            Array.Clear(image, 0, CardLayout.ImageSize);
            image[CardLayout.MagicOffset] = (byte)'M';
            image[CardLayout.MagicOffset + 1] = (byte)'C';
            image[CardLayout.VersionOffset] = CardLayout.Version;
            image[CardLayout.GenderOffset] = (byte)data.Gender;
            Ascii.GetBytes(data.ResidentId, image, CardLayout.ResidentIdOffset);
            image[CardLayout.CardNumberLengthOffset] = (byte)data.CardNumber.Length;
            Ascii.GetBytes(data.CardNumber, image, CardLayout.CardNumberOffset);
            image[CardLayout.NameLengthOffset] = (byte)data.NameLength;
            Array.Copy(data.Name, 0, image, CardLayout.NameOffset, data.NameLength);
            ComputeMac(uid, uidLength, image, image, CardLayout.MacOffset);
        }

        /// <summary>(Re)compute the issuer MAC of image[0..128) for this UID into image[128..144).</summary>
        public void WriteMac(byte[] image, byte[] uid, int uidLength)
        {
            ComputeMac(uid, uidLength, image, image, CardLayout.MacOffset);
        }

        /// <summary>
        /// Check and decode an image read from the card with this UID into <paramref name="data"/>.
        /// On any status but Ok, <paramref name="data"/> is cleared.
        /// </summary>
        public CardReadStatus Decode(byte[] image, byte[] uid, int uidLength, HolderData data)
        {
            data.Clear();
            string residentId;
            CardReadStatus status = Check(image, uid, uidLength, out residentId);
            if (status != CardReadStatus.Ok)
            {
                return status;
            }

            data.ResidentId = residentId;
            data.Gender = (Gender)image[CardLayout.GenderOffset];
            data.CardNumber = Ascii.GetString(image, CardLayout.CardNumberOffset, image[CardLayout.CardNumberLengthOffset]);
            data.NameLength = image[CardLayout.NameLengthOffset];
            Array.Copy(image, CardLayout.NameOffset, data.Name, 0, data.NameLength);
            return CardReadStatus.Ok;
        }

        private CardReadStatus Check(byte[] image, byte[] uid, int uidLength, out string residentId)
        {
            residentId = null;
            if (image[CardLayout.MagicOffset] != (byte)'M' || image[CardLayout.MagicOffset + 1] != (byte)'C')
            {
                return CardReadStatus.NotPersonalised;
            }

            if (image[CardLayout.VersionOffset] != CardLayout.Version)
            {
                return CardReadStatus.UnsupportedLayout;
            }

            if (!IsKnownGender(image[CardLayout.GenderOffset]))
            {
                return CardReadStatus.MalformedData;
            }

            if (!IsResidentIdShape(image, CardLayout.ResidentIdOffset))
            {
                return CardReadStatus.MalformedData;
            }

            int numberLength = image[CardLayout.CardNumberLengthOffset];
            if (numberLength < CardIdentity.MinCardNumberLength || numberLength > CardLayout.CardNumberCapacity
                || !IsCardNumberText(image, CardLayout.CardNumberOffset, numberLength)
                || !IsZero(image, CardLayout.CardNumberOffset + numberLength, CardLayout.CardNumberCapacity - numberLength))
            {
                return CardReadStatus.MalformedData;
            }

            int nameLength = image[CardLayout.NameLengthOffset];
            if (nameLength < 1 || nameLength > CardLayout.NameCapacity
                || !Utf8.IsWellFormed(image, CardLayout.NameOffset, nameLength)
                || !IsZero(image, CardLayout.NameOffset + nameLength, CardLayout.NameCapacity - nameLength))
            {
                return CardReadStatus.MalformedData;
            }

            if (!IsZero(image, CardLayout.ReservedOffset, CardLayout.ReservedLength))
            {
                return CardReadStatus.MalformedData;
            }

            residentId = Ascii.GetString(image, CardLayout.ResidentIdOffset, ResidentId.Length);
            if (!ResidentId.IsValid(residentId))
            {
                residentId = null;
                return CardReadStatus.BadIdCheckCharacter;
            }

            ComputeMac(uid, uidLength, image, _expectedMac, 0);
            bool macOk = ConstantTime.AreEqual(_expectedMac, 0, image, CardLayout.MacOffset, CardLayout.MacLength);
            if (!macOk)
            {
                residentId = null;
                return CardReadStatus.BadIssuerMac;
            }

            return CardReadStatus.Ok;
        }

        private void ComputeMac(byte[] uid, int uidLength, byte[] image, byte[] mac, int macOff)
        {
            string domain = CardLayout.IssuerMacDomain;
            int p = 0;
            for (int i = 0; i < domain.Length; i++)
            {
                _macInput[p++] = (byte)domain[i];
            }

            _macInput[p++] = (byte)uidLength;
            Array.Clear(_macInput, p, 10);
            Array.Copy(uid, 0, _macInput, p, uidLength);
            p += 10;
            Array.Copy(image, 0, _macInput, p, CardLayout.MacCoveredLength);
            p += CardLayout.MacCoveredLength;

            byte[] full = _hmac.Compute(_keys.IssuerKey, _macInput, 0, p);
            Array.Copy(full, 0, mac, macOff, CardLayout.MacLength);
            ConstantTime.Wipe(full);
        }

        // 17 ASCII digits then a digit or 'X'; the check character itself is verified separately.
        private static bool IsResidentIdShape(byte[] buf, int off)
        {
            for (int i = 0; i < ResidentId.Length - 1; i++)
            {
                if (buf[off + i] < '0' || buf[off + i] > '9')
                {
                    return false;
                }
            }

            byte last = buf[off + ResidentId.Length - 1];
            return (last >= '0' && last <= '9') || last == 'X';
        }

        private static bool IsCardNumberText(byte[] buf, int off, int count)
        {
            for (int i = 0; i < count; i++)
            {
                byte c = buf[off + i];
                if (!((c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z')))
                {
                    return false;
                }
            }

            return true;
        }

        private static bool IsZero(byte[] buf, int off, int count)
        {
            for (int i = 0; i < count; i++)
            {
                if (buf[off + i] != 0)
                {
                    return false;
                }
            }

            return true;
        }
    }
}
