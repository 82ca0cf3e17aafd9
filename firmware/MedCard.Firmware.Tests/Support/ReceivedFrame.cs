using MedCard.Protocol;

namespace MedCard.Firmware.Tests
{
    /// <summary>One frame the reader sent, as the host decoded it.</summary>
    public sealed class ReceivedFrame
    {
        public FrameHeader Header;
        public byte[] Payload;
    }
}
