namespace MedCard.Protocol
{
    /// <summary>
    /// Request 0x03: sign a transaction for the card in the field. Layout: amount i64 (minor units, sign per
    /// type), type u8 (<see cref="TransactionType"/>), hostNonce 8, time u32 (seconds since 1970 UTC),
    /// cardNumberLen u8, cardNumber ASCII (must match the card in the field).
    /// Answered by <see cref="AuthorizeResponse"/>. A retry must reuse the request id and bytes (see README).
    /// </summary>
    public sealed class AuthorizeRequest : IMessage
    {
        public long Amount;
        public TransactionType TransactionType;
        public byte[] HostNonce;
        public uint Time;
        public string CardNumber;

        public MessageType Type
        {
            get { return MessageType.AuthorizeRequest; }
        }

        public bool HasValidFields()
        {
            return TransactionTypes.IsDefined(TransactionType) && TransactionTypes.IsAmountAllowed(TransactionType, Amount)
                && HostNonce != null && HostNonce.Length == SignedRecord.NonceLength
                && CardIdentity.IsValidCardNumber(CardNumber);
        }

        public int Encode(byte[] buf, int off)
        {
            if (!HasValidFields())
            {
                throw new System.ArgumentException("authorize request fields do not fit the layout");
            }

            PayloadWriter w = new PayloadWriter(buf, off);
            w.WriteInt64(Amount);
            w.WriteByte((byte)TransactionType);
            w.WriteBytes(HostNonce, 0, SignedRecord.NonceLength);
            w.WriteUInt32(Time);
            w.WriteAscii(CardNumber);
            return w.Length;
        }

        public static DecodeStatus TryDecode(byte[] buf, int off, int count, out AuthorizeRequest message)
        {
            PayloadReader r = new PayloadReader(buf, off, count);
            AuthorizeRequest m = new AuthorizeRequest();
            m.Amount = r.ReadInt64();
            m.TransactionType = (TransactionType)r.ReadByte();
            m.HostNonce = r.ReadBytes(SignedRecord.NonceLength);
            m.Time = r.ReadUInt32();
            m.CardNumber = r.ReadAscii(CardIdentity.MinCardNumberLength, CardIdentity.MaxCardNumberLength);
            if (r.Ok && !m.HasValidFields())
            {
                r.Fail(DecodeStatus.InvalidField);
            }

            DecodeStatus status = r.Finish();
            message = status == DecodeStatus.Ok ? m : null;
            return status;
        }

        public static AuthorizeRequest Decode(byte[] buf, int off, int count)
        {
            AuthorizeRequest m;
            DecodeFailure.ThrowIfFailed(TryDecode(buf, off, count, out m), MessageType.AuthorizeRequest);
            return m;
        }
    }
}
