namespace MedCard.Protocol
{
    /// <summary>
    /// Response 0x43 to <see cref="AuthorizeRequest"/>. Layout: status u8 (<see cref="AuthorizeStatus"/>); only
    /// when Approved: the <see cref="SignedRecord"/> wire form (rest of the payload).
    /// </summary>
    public sealed class AuthorizeResponse : IMessage
    {
        /// <summary>Approved, or why the reader did not sign.</summary>
        public AuthorizeStatus Status;
        /// <summary>The signed record; null unless approved.</summary>
        public SignedRecord Record;

        /// <inheritdoc />
        public MessageType Type
        {
            get { return MessageType.AuthorizeResponse; }
        }

        /// <inheritdoc />
        public int Encode(byte[] buf, int off)
        {
            PayloadWriter w = new PayloadWriter(buf, off);
            w.WriteByte((byte)Status);
            int n = w.Length;
            if (Status == AuthorizeStatus.Approved)
            {
                if (Record == null)
                {
                    throw new System.ArgumentException("an approved response needs its record");
                }

                n += Record.Encode(buf, off + n);
            }

            return n;
        }

        /// <summary>Decodes the payload at buf[off..off+count); on failure <paramref name="message"/> is null and the status says why.</summary>
        public static DecodeStatus TryDecode(byte[] buf, int off, int count, out AuthorizeResponse message)
        {
            PayloadReader r = new PayloadReader(buf, off, count);
            AuthorizeResponse m = new AuthorizeResponse();
            m.Status = (AuthorizeStatus)r.ReadByte();
            if (r.Ok && (byte)m.Status > (byte)AuthorizeStatus.PinRequired)
            {
                r.Fail(DecodeStatus.InvalidField);
            }

            if (r.Ok && m.Status == AuthorizeStatus.Approved)
            {
                m.Record = SignedRecord.Read(ref r);
            }

            DecodeStatus status = r.Finish();
            message = status == DecodeStatus.Ok ? m : null;
            return status;
        }

        /// <summary>Decodes the payload at buf[off..off+count), or throws <see cref="System.FormatException"/>.</summary>
        public static AuthorizeResponse Decode(byte[] buf, int off, int count)
        {
            AuthorizeResponse m;
            DecodeFailure.ThrowIfFailed(TryDecode(buf, off, count, out m), MessageType.AuthorizeResponse);
            return m;
        }
    }
}
