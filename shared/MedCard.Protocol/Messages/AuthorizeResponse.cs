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
            AuthorizeResponse m = new AuthorizeResponse();
            DecodeStatus status = TryDecodeInto(buf, off, count, m);
            message = status == DecodeStatus.Ok ? m : null;
            return status;
        }

        /// <summary>
        /// Decodes the payload at buf[off..off+count) into <paramref name="message"/>, reusing its record instance (see
        /// <see cref="SignedRecord.TryDecodeInto"/>): decoding every response into one instance allocates nothing in
        /// steady state. A response that is not Approved sets <see cref="Record"/> to null (the next approved one then
        /// allocates a record again: declines are not the steady state). On a status other than Ok the fields are unspecified.
        /// </summary>
        public static DecodeStatus TryDecodeInto(byte[] buf, int off, int count, AuthorizeResponse message)
        {
            if (message == null)
            {
                throw new System.ArgumentNullException("message");
            }

            PayloadReader r = new PayloadReader(buf, off, count);
            message.Status = (AuthorizeStatus)r.ReadByte();
            if (r.Ok && (byte)message.Status > (byte)AuthorizeStatus.PinRequired)
            {
                r.Fail(DecodeStatus.InvalidField);
            }

            if (r.Ok && message.Status == AuthorizeStatus.Approved)
            {
                SignedRecord record = message.Record;
                if (record == null)
                {
                    record = new SignedRecord();
                    message.Record = record;
                }

                SignedRecord.ReadInto(ref r, record);
            }
            else
            {
                message.Record = null;
            }

            return r.Finish();
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
