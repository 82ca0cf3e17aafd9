namespace MedCard.Protocol
{
    /// <summary>
    /// Builds wire frames: header + payload, CRC-32 over both (big-endian trailer), COBS-stuffed, then one 0x00.
    /// Writes straight into the caller's output buffer in a single pass; allocates nothing.
    /// </summary>
    public static class FrameEncoder
    {
        /// <summary>Largest wire size of a frame carrying <paramref name="payloadLength"/> bytes (delimiter included).</summary>
        public static int MaxWireLength(int payloadLength)
        {
            return Cobs.MaxEncodedLength(FrameFormat.HeaderSize + payloadLength + FrameFormat.CrcSize) + 1;
        }

        /// <summary>
        /// Encodes one frame into output at outOff and returns the number of bytes written, delimiter included.
        /// Throws ArgumentException if the payload exceeds <see cref="FrameFormat.MaxPayloadSize"/> or the output
        /// lacks <see cref="MaxWireLength"/> bytes of room. A null payload with length 0 is allowed.
        /// </summary>
        public static int Encode(FrameHeader header, byte[] payload, int payloadOffset, int payloadLength, byte[] output, int outOff)
        {
            if (payloadLength < 0 || payloadLength > FrameFormat.MaxPayloadSize)
            {
                throw new System.ArgumentOutOfRangeException("payloadLength");
            }

            if (payloadLength > 0 && (payload == null || payloadOffset < 0 || payloadOffset > payload.Length - payloadLength))
            {
                throw new System.ArgumentOutOfRangeException("payloadOffset");
            }

            if (output == null)
            {
                throw new System.ArgumentNullException("output");
            }

            if (outOff < 0 || outOff > output.Length || output.Length - outOff < MaxWireLength(payloadLength))
            {
                throw new System.ArgumentException("output buffer too small for the frame");
            }

            CobsWriter writer = new CobsWriter(output, outOff);
            uint crc = Crc32.Initial;

            byte b = header.Version;
            crc = Crc32.UpdateByte(crc, b);
            writer.Put(b);
            b = (byte)header.Type;
            crc = Crc32.UpdateByte(crc, b);
            writer.Put(b);
            b = (byte)(header.RequestId >> 8);
            crc = Crc32.UpdateByte(crc, b);
            writer.Put(b);
            b = (byte)header.RequestId;
            crc = Crc32.UpdateByte(crc, b);
            writer.Put(b);
            b = (byte)header.Flags;
            crc = Crc32.UpdateByte(crc, b);
            writer.Put(b);

            if (payloadLength > 0)
            {
                crc = Crc32.Update(crc, payload, payloadOffset, payloadLength);
                writer.Put(payload, payloadOffset, payloadLength);
            }

            crc = Crc32.Finish(crc);
            writer.Put((byte)(crc >> 24));
            writer.Put((byte)(crc >> 16));
            writer.Put((byte)(crc >> 8));
            writer.Put((byte)crc);

            int n = writer.Finish();
            output[outOff + n] = FrameFormat.Delimiter;
            return n + 1;
        }

        /// <summary>
        /// Encodes a message as one frame: the message is first written into <paramref name="payloadScratch"/>
        /// (at least <see cref="FrameFormat.MaxPayloadSize"/> bytes, caller-owned, reused).
        /// The header's type is taken from the message.
        /// </summary>
        public static int Encode(FrameHeader header, IMessage message, byte[] payloadScratch, byte[] output, int outOff)
        {
            if (message == null)
            {
                throw new System.ArgumentNullException("message");
            }

            header.Type = message.Type;
            int len = message.Encode(payloadScratch, 0);
            return Encode(header, payloadScratch, 0, len, output, outOff);
        }

        /// <summary>A bare ACK answering <paramref name="request"/>: same type and id, Response|Ack, no payload.</summary>
        public static int EncodeAck(FrameHeader request, byte[] output, int outOff)
        {
            FrameHeader h = new FrameHeader(request.Type, request.RequestId, FrameFlags.Response | FrameFlags.Ack);
            return Encode(h, null, 0, 0, output, outOff);
        }

        /// <summary>A NACK answering <paramref name="request"/>: same type and id, Response|Nack, one reason byte.</summary>
        public static int EncodeNack(FrameHeader request, NackReason reason, byte[] output, int outOff)
        {
            FrameHeader h = new FrameHeader(request.Type, request.RequestId, FrameFlags.Response | FrameFlags.Nack);
            byte[] one = new byte[1];
            one[0] = (byte)reason;
            return Encode(h, one, 0, 1, output, outOff);
        }

        /// <summary>
        /// An error answer to <paramref name="request"/>: type ProtocolError, same id, Response|Error, payload a
        /// <see cref="ProtocolError"/> naming the request's type. This is the answer to an unknown message type.
        /// </summary>
        public static int EncodeError(FrameHeader request, ErrorCode code, byte[] output, int outOff)
        {
            FrameHeader h = new FrameHeader(MessageType.ProtocolError, request.RequestId, FrameFlags.Response | FrameFlags.Error);
            byte[] payload = new byte[ProtocolError.EncodedLength];
            int len = new ProtocolError(code, request.Type).Encode(payload, 0);
            return Encode(h, payload, 0, len, output, outOff);
        }
    }
}
