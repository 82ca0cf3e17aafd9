namespace MedCard.Protocol
{
    /// <summary>
    /// Event 0x81: a card entered the field and the reader read it. Layout: uidLen u8 (4/7/10), uid,
    /// atqa u16, sak u8, holderStatus u8 (<see cref="HolderDataStatus"/>); only when holderStatus is Ok:
    /// residentId 18 ASCII (no length byte), gender u8, cardNumberLen u8, cardNumber ASCII,
    /// nameLen u8 (1-48), name UTF-8, issuerMac 16 (the MAC as read from the card). The reader checks the layout and
    /// the ID check character; it cannot check the issuer MAC (it does not hold the issuer's key): the host does, over
    /// the fields and the UID (<see cref="HolderDataMac"/>, <see cref="HolderImageLayout.WriteCovered"/>).
    /// </summary>
    public sealed class CardPresented : IMessage
    {
        /// <summary>UTF-8 bytes of the holder name: 16 CJK characters, or 48 Latin ones.</summary>
        public const int MaxNameLength = 48;

        /// <summary>Card UID, 4, 7 or 10 bytes.</summary>
        public byte[] Uid;
        /// <summary>ATQA the card answered (ISO 14443-3).</summary>
        public ushort Atqa;
        /// <summary>SAK the card answered (ISO 14443-3).</summary>
        public byte Sak;
        /// <summary>Whether the holder data read and passed the reader's checks.</summary>
        public HolderDataStatus HolderStatus;

        /// <summary>Holder fields, set only when <see cref="HolderStatus"/> is Ok.</summary>
        public string ResidentId;
        /// <summary>Holder's gender (GB/T 2261.1 code).</summary>
        public Gender Gender;
        /// <summary>Card number from the holder data.</summary>
        public string CardNumber;

        /// <summary>Holder name as UTF-8 bytes (decode with UTF-8 on the host; System.Text is not needed here).</summary>
        public byte[] NameUtf8;

        /// <summary>The issuer MAC stored on the card (16 bytes), forwarded unverified for the host to check.</summary>
        public byte[] IssuerMac;

        /// <inheritdoc />
        public MessageType Type
        {
            get { return MessageType.CardPresented; }
        }

        /// <inheritdoc />
        public int Encode(byte[] buf, int off)
        {
            if (!CardIdentity.IsValidUid(Uid))
            {
                throw new System.ArgumentException("UID must be 4, 7 or 10 bytes");
            }

            PayloadWriter w = new PayloadWriter(buf, off);
            w.WriteLengthPrefixed(Uid);
            w.WriteUInt16(Atqa);
            w.WriteByte(Sak);
            w.WriteByte((byte)HolderStatus);
            if (HolderStatus == HolderDataStatus.Ok)
            {
                if (!MedCard.Protocol.ResidentId.IsValid(ResidentId) || !CardIdentity.IsValidCardNumber(CardNumber)
                    || !IsValidGender(Gender) || NameUtf8 == null || NameUtf8.Length < 1 || NameUtf8.Length > MaxNameLength
                    || !Utf8.IsWellFormed(NameUtf8, 0, NameUtf8.Length) || IssuerMac == null || IssuerMac.Length != HolderDataMac.Length)
                {
                    throw new System.ArgumentException("holder data does not fit the layout");
                }

                for (int i = 0; i < MedCard.Protocol.ResidentId.Length; i++)
                {
                    w.WriteByte((byte)ResidentId[i]);
                }

                w.WriteByte((byte)Gender);
                w.WriteAscii(CardNumber);
                w.WriteLengthPrefixed(NameUtf8);
                w.WriteBytes(IssuerMac, 0, HolderDataMac.Length);
            }

            return w.Length;
        }

        /// <summary>Decodes the payload at buf[off..off+count); on failure <paramref name="message"/> is null and the status says why.</summary>
        public static DecodeStatus TryDecode(byte[] buf, int off, int count, out CardPresented message)
        {
            PayloadReader r = new PayloadReader(buf, off, count);
            CardPresented m = new CardPresented();
            m.Uid = r.ReadLengthPrefixed(4, CardIdentity.MaxUidLength);
            m.Atqa = r.ReadUInt16();
            m.Sak = r.ReadByte();
            m.HolderStatus = (HolderDataStatus)r.ReadByte();
            if (r.Ok && (!CardIdentity.IsValidUid(m.Uid) || (byte)m.HolderStatus > (byte)HolderDataStatus.BadCheckCharacter))
            {
                r.Fail(DecodeStatus.InvalidField);
            }

            if (r.Ok && m.HolderStatus == HolderDataStatus.Ok)
            {
                byte[] id = r.ReadBytes(MedCard.Protocol.ResidentId.Length);
                m.ResidentId = id == null ? null : Ascii.GetString(id, 0, id.Length);
                m.Gender = (Gender)r.ReadByte();
                m.CardNumber = r.ReadAscii(CardIdentity.MinCardNumberLength, CardIdentity.MaxCardNumberLength);
                m.NameUtf8 = r.ReadLengthPrefixed(1, MaxNameLength);
                m.IssuerMac = r.ReadBytes(HolderDataMac.Length);
                if (r.Ok && (!MedCard.Protocol.ResidentId.IsValid(m.ResidentId) || !IsValidGender(m.Gender)
                    || !CardIdentity.IsValidCardNumber(m.CardNumber) || !Utf8.IsWellFormed(m.NameUtf8, 0, m.NameUtf8.Length)))
                {
                    r.Fail(DecodeStatus.InvalidField);
                }
            }

            DecodeStatus status = r.Finish();
            message = status == DecodeStatus.Ok ? m : null;
            return status;
        }

        /// <summary>Decodes the payload at buf[off..off+count), or throws <see cref="System.FormatException"/>.</summary>
        public static CardPresented Decode(byte[] buf, int off, int count)
        {
            CardPresented m;
            DecodeFailure.ThrowIfFailed(TryDecode(buf, off, count, out m), MessageType.CardPresented);
            return m;
        }

        private static bool IsValidGender(Gender g)
        {
            return g == Gender.Unknown || g == Gender.Male || g == Gender.Female || g == Gender.Unspecified;
        }
    }
}
