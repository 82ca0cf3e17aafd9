using MedCard.Protocol;

namespace MedCard.Firmware.Reader
{
    /// <summary>Receives every intact request that is not a retry of a cached one (see <see cref="HostChannel"/>).</summary>
    public interface IRequestHandler
    {
        /// <summary>
        /// Handle a request. Payload is frame[offset..offset+length), valid only during the call. The handler
        /// must answer it through the channel now, or call <see cref="HostChannel.BeginDeferred"/> and answer later.
        /// </summary>
        void OnRequest(FrameHeader header, byte[] frame, int offset, int length);
    }
}
