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
            uint crc = PutHeader(ref writer, header);
            if (payloadLength > 0)
            {
                crc = Crc32.Update(crc, payload, payloadOffset, payloadLength);
                writer.Put(payload, payloadOffset, payloadLength);
            }

            return PutTrailer(ref writer, crc, output, outOff);
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
            return EncodeShort(h, 1, (byte)reason, 0, output, outOff);
        }

        /// <summary>
        /// An error answer to <paramref name="request"/>: type ProtocolError, same id, Response|Error, payload a
        /// <see cref="ProtocolError"/> naming the request's type. This is the answer to an unknown message type.
        /// </summary>
        public static int EncodeError(FrameHeader request, ErrorCode code, byte[] output, int outOff)
        {
            FrameHeader h = new FrameHeader(MessageType.ProtocolError, request.RequestId, FrameFlags.Response | FrameFlags.Error);
            return EncodeShort(h, ProtocolError.EncodedLength, (byte)code, (byte)request.Type, output, outOff);
        }

        // Control answers have one or two payload bytes: encode them without a payload array, so answering
        // line noise or a flood of unknown requests allocates nothing.
        private static int EncodeShort(FrameHeader header, int payloadLength, byte p0, byte p1, byte[] output, int outOff)
        {
            if (output == null)
            {
                throw new System.ArgumentNullException("output");
            }

            if (outOff < 0 || outOff > output.Length || output.Length - outOff < MaxWireLength(payloadLength))
            {
                throw new System.ArgumentException("output buffer too small for the frame");
            }

            CobsWriter writer = new CobsWriter(output, outOff);
            uint crc = PutHeader(ref writer, header);
            if (payloadLength > 0)
            {
                crc = Put(ref writer, crc, p0);
            }

            if (payloadLength > 1)
            {
                crc = Put(ref writer, crc, p1);
            }

            return PutTrailer(ref writer, crc, output, outOff);
        }

        private static uint PutHeader(ref CobsWriter writer, FrameHeader header)
        {
            uint crc = Crc32.Initial;
            crc = Put(ref writer, crc, header.Version);
            crc = Put(ref writer, crc, (byte)header.Type);
            crc = Put(ref writer, crc, (byte)(header.RequestId >> 8));
            crc = Put(ref writer, crc, (byte)header.RequestId);
            return Put(ref writer, crc, (byte)header.Flags);
        }

        /// <summary>Appends the big-endian CRC, closes the COBS blocks, writes the delimiter; returns the wire length.</summary>
        private static int PutTrailer(ref CobsWriter writer, uint crcRegister, byte[] output, int outOff)
        {
            uint crc = Crc32.Finish(crcRegister);
            writer.Put((byte)(crc >> 24));
            writer.Put((byte)(crc >> 16));
            writer.Put((byte)(crc >> 8));
            writer.Put((byte)crc);
            int n = writer.Finish();
            output[outOff + n] = FrameFormat.Delimiter;
            return n + 1;
        }

        private static uint Put(ref CobsWriter writer, uint crc, byte b)
        {
            writer.Put(b);
            return Crc32.UpdateByte(crc, b);
        }
    }
}
