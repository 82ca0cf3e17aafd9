using System;
using MedCard.Protocol;

namespace MedCard.Firmware.Card
{
    /// <summary>
    /// Converts between <see cref="HolderData"/> and the 144-byte holder image (<see cref="HolderImageLayout"/>).
    /// Decoding checks everything a reader can check (magic, version, field shapes, zero padding, the ID check
    /// character) and hands the issuer MAC on unverified (<see cref="HolderData.IssuerMac"/>): verifying it takes the
    /// issuer's holder-data MAC key, which readers do not hold; the host verifies it. Encoding writes bytes 0..128;
    /// the issuer adds the MAC (<see cref="CardPersonaliser"/>).
    /// </summary>
    public static class HolderImage
    {
        /// <summary>True for the GB/T 2261.1 codes we store.</summary>
        public static bool IsKnownGender(byte code)
        {
            return code == (byte)Gender.Unknown || code == (byte)Gender.Male || code == (byte)Gender.Female || code == (byte)Gender.Unspecified;
        }

        /// <summary>Write image[0..128) for <paramref name="data"/> and zero the MAC bytes image[128..144).</summary>
        public static void Encode(HolderData data, byte[] image)
        {
            HolderImageLayout.WriteCovered(data.ResidentId, (byte)data.Gender, data.CardNumber, data.Name, data.NameLength, image, 0);
            Array.Clear(image, CardLayout.MacOffset, CardLayout.MacLength);
        }

        /// <summary>
        /// Check and decode an image read from a card into <paramref name="data"/>, the stored issuer MAC included.
        /// On any status but Ok, <paramref name="data"/> is cleared.
        /// </summary>
        public static CardReadStatus Decode(byte[] image, HolderData data)
        {
            data.Clear();
            string residentId;
            CardReadStatus status = Check(image, out residentId);
            if (status != CardReadStatus.Ok)
            {
                return status;
            }

            data.ResidentId = residentId;
            data.Gender = (Gender)image[CardLayout.GenderOffset];
            data.CardNumber = Ascii.GetString(image, CardLayout.CardNumberOffset, image[CardLayout.CardNumberLengthOffset]);
            data.NameLength = image[CardLayout.NameLengthOffset];
            Array.Copy(image, CardLayout.NameOffset, data.Name, 0, data.NameLength);
            Array.Copy(image, CardLayout.MacOffset, data.IssuerMac, 0, CardLayout.MacLength);
            return CardReadStatus.Ok;
        }

        private static CardReadStatus Check(byte[] image, out string residentId)
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

            return CardReadStatus.Ok;
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
