using System;
using MedCard.Protocol;

namespace MedCard.Host.Link
{
    /// <summary>A decoded frame with its own copy of the payload.</summary>
    internal sealed class ReceivedFrame
    {
        public ReceivedFrame(FrameHeader header, byte[] payload)
        {
            Header = header;
            Payload = payload;
        }

        public FrameHeader Header { get; }

        public byte[] Payload { get; }

        public MessageType Type => Header.Type;

        public ushort RequestId => Header.RequestId;

        /// <summary>Clears the payload copy (for frames that carried secrets, once decoded).</summary>
        public void Wipe() => Array.Clear(Payload);
    }
}
