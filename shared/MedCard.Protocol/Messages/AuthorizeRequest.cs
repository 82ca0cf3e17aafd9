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
        /// <summary>Minor units (fen), sign per transaction type.</summary>
        public long Amount;
        /// <summary>Purchase, refund or reversal.</summary>
        public TransactionType TransactionType;
        /// <summary>The host's fresh nonce (8 bytes), echoed in the signed record.</summary>
        public byte[] HostNonce;
        /// <summary>Seconds since 1970 UTC, signed into the record.</summary>
        public uint Time;
        /// <summary>Must match the card in the field.</summary>
        public string CardNumber;

        /// <inheritdoc />
        public MessageType Type
        {
            get { return MessageType.AuthorizeRequest; }
        }

        /// <summary>True when the fields fit the layout; <see cref="Encode"/> throws otherwise.</summary>
        public bool HasValidFields()
        {
            return TransactionTypes.IsDefined(TransactionType) && TransactionTypes.IsAmountAllowed(TransactionType, Amount)
                && HostNonce != null && HostNonce.Length == SignedRecord.NonceLength
                && CardIdentity.IsValidCardNumber(CardNumber);
        }

        /// <inheritdoc />
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

        /// <summary>Decodes the payload at buf[off..off+count); on failure <paramref name="message"/> is null and the status says why.</summary>
        public static DecodeStatus TryDecode(byte[] buf, int off, int count, out AuthorizeRequest message)
        {
            AuthorizeRequest m = new AuthorizeRequest();
            DecodeStatus status = TryDecodeInto(buf, off, count, m);
            message = status == DecodeStatus.Ok ? m : null;
            return status;
        }

        /// <summary>
        /// Decodes the payload at buf[off..off+count) into <paramref name="message"/>, reusing its nonce array and its card
        /// number when the bytes spell the same one: decoding every request into one instance allocates nothing in
        /// steady state. The nonce is overwritten in place (copy it if it must outlive the next decode); on a status
        /// other than Ok the fields are unspecified.
        /// </summary>
        public static DecodeStatus TryDecodeInto(byte[] buf, int off, int count, AuthorizeRequest message)
        {
            if (message == null)
            {
                throw new System.ArgumentNullException("message");
            }

            PayloadReader r = new PayloadReader(buf, off, count);
            message.Amount = r.ReadInt64();
            message.TransactionType = (TransactionType)r.ReadByte();
            message.HostNonce = r.ReadBytesInto(message.HostNonce, SignedRecord.NonceLength);
            message.Time = r.ReadUInt32();
            message.CardNumber = r.ReadAsciiReusing(message.CardNumber, CardIdentity.MinCardNumberLength, CardIdentity.MaxCardNumberLength);
            if (r.Ok && !message.HasValidFields())
            {
                r.Fail(DecodeStatus.InvalidField);
            }

            return r.Finish();
        }

        /// <summary>Decodes the payload at buf[off..off+count), or throws <see cref="System.FormatException"/>.</summary>
        public static AuthorizeRequest Decode(byte[] buf, int off, int count)
        {
            AuthorizeRequest m;
            DecodeFailure.ThrowIfFailed(TryDecode(buf, off, count, out m), MessageType.AuthorizeRequest);
            return m;
        }
    }
}
