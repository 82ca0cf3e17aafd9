namespace MedCard.Protocol
{
    /// <summary>Request 0x08: ask for diagnostics. Empty payload. Answered by <see cref="StatusResponse"/>.</summary>
    public sealed class StatusRequest : IMessage
    {
        public MessageType Type
        {
            get { return MessageType.StatusRequest; }
        }

        public int Encode(byte[] buf, int off)
        {
            return 0;
        }

        public static DecodeStatus TryDecode(byte[] buf, int off, int count, out StatusRequest message)
        {
            PayloadReader r = new PayloadReader(buf, off, count);
            DecodeStatus status = r.Finish();
            message = status == DecodeStatus.Ok ? new StatusRequest() : null;
            return status;
        }

        public static StatusRequest Decode(byte[] buf, int off, int count)
        {
            StatusRequest m;
            DecodeFailure.ThrowIfFailed(TryDecode(buf, off, count, out m), MessageType.StatusRequest);
            return m;
        }
    }
}
