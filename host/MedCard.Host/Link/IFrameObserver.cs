using MedCard.Protocol;

namespace MedCard.Host.Link
{
    /// <summary>
    /// Sees every frame the link sends or receives (trace mode, metrics). Called on the link's
    /// threads; must be quick and must not throw. The payload is only valid during the call.
    /// Implementations decide what may be written where: payloads of some types are secret.
    /// </summary>
    public interface IFrameObserver
    {
        /// <summary>
        /// A frame sent, resent or received; payload[offset..offset+count). wireLength is the bytes on the
        /// wire (COBS + delimiter) for sent frames, 0 for received ones (the decoder does not report it).
        /// </summary>
        void OnFrame(FrameDirection direction, FrameHeader header, byte[] payload, int offset, int count, int wireLength);

        /// <summary>The decoder dropped <paramref name="byteCount"/> bytes of line noise for <paramref name="reason"/>.</summary>
        void OnFrameDropped(FrameDropReason reason, int byteCount);

        /// <summary>A link event (handshake, reconnect, close) in words.</summary>
        void OnLinkEvent(string description);
    }
}
