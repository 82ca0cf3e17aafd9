namespace MedCard.Protocol
{
    /// <summary>
    /// Receives what <see cref="FrameDecoder"/> finds in the byte stream. An interface rather than a delegate
    /// because nanoFramework cannot instantiate generic delegates. Called synchronously from
    /// <see cref="FrameDecoder.Feed"/>; do not call Feed again from inside a callback. An exception thrown here
    /// leaves Feed (the rest of that chunk is not processed) but the decoder stays consistent for the next Feed.
    /// </summary>
    public interface IFrameHandler
    {
        /// <summary>
        /// A frame passed COBS, length, CRC and version checks. The payload is frame[payloadOffset ..
        /// payloadOffset+payloadLength) and is only valid during the call (the buffer is reused): copy or decode it.
        /// </summary>
        void OnFrame(FrameHeader header, byte[] frame, int payloadOffset, int payloadLength);

        /// <summary>
        /// A frame was dropped. <paramref name="byteCount"/> is the number of stuffed bytes it spanned (delimiter
        /// excluded). For information and counters only: nothing in a dropped frame can be trusted, not even its
        /// request id, so it is never answered.
        /// </summary>
        void OnFrameDropped(FrameDropReason reason, int byteCount);
    }
}
