using System;
using MedCard.Protocol;

namespace MedCard.Firmware.Card
{
    /// <summary>
    /// The insured person's data as stored on the card. One instance is reused between cards and cleared
    /// on removal; the name stays UTF-8 bytes (no System.Text needed on the device).
    /// </summary>
    public sealed class HolderData
    {
        /// <summary>Name, UTF-8; only the first <see cref="NameLength"/> bytes count.</summary>
        public readonly byte[] Name = new byte[CardLayout.NameCapacity];

        /// <summary>Bytes of <see cref="Name"/> in use (1..48).</summary>
        public int NameLength;

        /// <summary>Resident ID number, 18 characters with a valid MOD 11-2 check character.</summary>
        public string ResidentId;

        /// <summary>Gender code (GB/T 2261.1).</summary>
        public Gender Gender;

        /// <summary>Card number (1-20 digits / upper-case letters), the account the PIN block binds to.</summary>
        public string CardNumber;

        /// <summary>The issuer MAC as stored on the card (16 bytes), unverified: the host checks it (CardPresented).</summary>
        public readonly byte[] IssuerMac = new byte[HolderDataMac.Length];

        /// <summary>The name bytes as a new array (allocates; for messages).</summary>
        public byte[] NameBytes()
        {
            byte[] copy = new byte[NameLength];
            Array.Copy(Name, copy, NameLength);
            return copy;
        }

        /// <summary>The issuer MAC as a new array (allocates; for messages).</summary>
        public byte[] IssuerMacBytes()
        {
            byte[] copy = new byte[HolderDataMac.Length];
            Array.Copy(IssuerMac, copy, HolderDataMac.Length);
            return copy;
        }

        /// <summary>Forget the previous card.</summary>
        public void Clear()
        {
            Array.Clear(Name, 0, Name.Length);
            Array.Clear(IssuerMac, 0, IssuerMac.Length);
            NameLength = 0;
            ResidentId = null;
            Gender = Gender.Unknown;
            CardNumber = null;
        }

        /// <summary>Fill from plain values (personalisation input, tests). Throws ArgumentException on invalid values.</summary>
        public void Set(string residentId, byte[] nameUtf8, Gender gender, string cardNumber)
        {
            if (!MedCard.Protocol.ResidentId.IsValid(residentId))
            {
                throw new ArgumentException("residentId");
            }

            if (nameUtf8 == null || nameUtf8.Length == 0 || nameUtf8.Length > CardLayout.NameCapacity
                || !Utf8.IsWellFormed(nameUtf8, 0, nameUtf8.Length))
            {
                throw new ArgumentException("nameUtf8");
            }

            if (!CardIdentity.IsValidCardNumber(cardNumber))
            {
                throw new ArgumentException("cardNumber");
            }

            if (!HolderImage.IsKnownGender((byte)gender))
            {
                throw new ArgumentException("gender");
            }

            Clear();
            Array.Copy(nameUtf8, Name, nameUtf8.Length);
            NameLength = nameUtf8.Length;
            ResidentId = residentId;
            Gender = gender;
            CardNumber = cardNumber;
        }
    }
}
