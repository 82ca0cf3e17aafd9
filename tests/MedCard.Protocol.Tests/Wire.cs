using System;
using MedCard.Protocol;

namespace MedCard.Protocol.Tests
{
    /// <summary>Small helpers to build wire bytes in tests.</summary>
    internal static class Wire
    {
        public static byte[] Frame(FrameHeader header, byte[] payload)
        {
            byte[] output = new byte[FrameEncoder.MaxWireLength(payload.Length)];
            int n = FrameEncoder.Encode(header, payload, 0, payload.Length, output, 0);
            return output.AsSpan(0, n).ToArray();
        }

        public static byte[] Frame(FrameHeader header, IMessage message)
        {
            return Frame(header, Payload(message));
        }

        public static byte[] Payload(IMessage message)
        {
            byte[] scratch = new byte[FrameFormat.MaxPayloadSize];
            int n = message.Encode(scratch, 0);
            return scratch.AsSpan(0, n).ToArray();
        }

        /// <summary>Unstuffed frame content (header + payload + CRC) built by hand, for crafting bad frames.</summary>
        public static byte[] RawContent(byte version, byte type, ushort requestId, byte flags, byte[] payload, bool goodCrc = true)
        {
            byte[] body = new byte[FrameFormat.HeaderSize + payload.Length + FrameFormat.CrcSize];
            body[0] = version;
            body[1] = type;
            body[2] = (byte)(requestId >> 8);
            body[3] = (byte)requestId;
            body[4] = flags;
            payload.CopyTo(body, FrameFormat.HeaderSize);
            uint crc = Crc32.Compute(body, 0, body.Length - FrameFormat.CrcSize);
            if (!goodCrc)
            {
                crc ^= 0x00010000;
            }

            BigEndian.WriteUInt32(body, body.Length - FrameFormat.CrcSize, crc);
            return body;
        }

        /// <summary>COBS-stuffs bytes and appends the delimiter.</summary>
        public static byte[] Stuff(byte[] content)
        {
            byte[] output = new byte[Cobs.MaxEncodedLength(content.Length) + 1];
            int n = Cobs.Encode(content, 0, content.Length, output, 0);
            output[n] = 0;
            return output.AsSpan(0, n + 1).ToArray();
        }

        public static byte[] Concat(params byte[][] parts)
        {
            int total = 0;
            foreach (byte[] p in parts)
            {
                total += p.Length;
            }

            byte[] all = new byte[total];
            int o = 0;
            foreach (byte[] p in parts)
            {
                p.CopyTo(all, o);
                o += p.Length;
            }

            return all;
        }
    }
}
