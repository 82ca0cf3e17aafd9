namespace MedCard.Protocol
{
    /// <summary>Request 0x08: ask for diagnostics. Empty payload. Answered by <see cref="StatusResponse"/>.</summary>
    public sealed class StatusRequest : IMessage
    {
        /// <inheritdoc />
        public MessageType Type
        {
            get { return MessageType.StatusRequest; }
        }

        /// <inheritdoc />
        public int Encode(byte[] buf, int off)
        {
            return 0;
        }

        /// <summary>Decodes the payload at buf[off..off+count); on failure <paramref name="message"/> is null and the status says why.</summary>
        public static DecodeStatus TryDecode(byte[] buf, int off, int count, out StatusRequest message)
        {
            PayloadReader r = new PayloadReader(buf, off, count);
            DecodeStatus status = r.Finish();
            message = status == DecodeStatus.Ok ? new StatusRequest() : null;
            return status;
        }

        /// <summary>Decodes the payload at buf[off..off+count), or throws <see cref="System.FormatException"/>.</summary>
        public static StatusRequest Decode(byte[] buf, int off, int count)
        {
            StatusRequest m;
            DecodeFailure.ThrowIfFailed(TryDecode(buf, off, count, out m), MessageType.StatusRequest);
            return m;
        }
    }
}
