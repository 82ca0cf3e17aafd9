using System.Collections.Generic;
using MedCard.Protocol;

namespace MedCard.Protocol.Tests
{
    /// <summary>Test handler: keeps a copy of every accepted frame (header + payload) and every drop.</summary>
    internal sealed class FrameCollector : IFrameHandler
    {
        public List<ReceivedFrame> Frames { get; } = new List<ReceivedFrame>();

        public List<FrameDropReason> Drops { get; } = new List<FrameDropReason>();

        public void OnFrame(FrameHeader header, byte[] frame, int payloadOffset, int payloadLength)
        {
            byte[] content = new byte[FrameFormat.HeaderSize + payloadLength];
            System.Array.Copy(frame, 0, content, 0, content.Length);
            Frames.Add(new ReceivedFrame(header, content));
        }

        public void OnFrameDropped(FrameDropReason reason, int byteCount)
        {
            Drops.Add(reason);
        }
    }

    /// <summary>An accepted frame: its header and its content bytes (header + payload, CRC stripped).</summary>
    internal sealed class ReceivedFrame
    {
        public ReceivedFrame(FrameHeader header, byte[] content)
        {
            Header = header;
            Content = content;
        }

        public FrameHeader Header { get; }

        public byte[] Content { get; }

        public int PayloadLength => Content.Length - FrameFormat.HeaderSize;

        public byte[] Payload()
        {
            byte[] p = new byte[PayloadLength];
            System.Array.Copy(Content, FrameFormat.HeaderSize, p, 0, p.Length);
            return p;
        }
    }

    /// <summary>Handler that only counts, so allocation measurements see the decoder alone.</summary>
    internal sealed class CountingHandler : IFrameHandler
    {
        public int Frames;
        public int Drops;
        public int PayloadBytes;

        public void OnFrame(FrameHeader header, byte[] frame, int payloadOffset, int payloadLength)
        {
            Frames++;
            PayloadBytes += payloadLength;
        }

        public void OnFrameDropped(FrameDropReason reason, int byteCount)
        {
            Drops++;
        }
    }
}
