namespace MedCard.Protocol
{
    /// <summary>
    /// Runs every golden vector through this build of the protocol, so a test on any runtime is one line:
    /// <c>Assert.IsNull(GoldenVectorCheck.FirstMismatch(hmac))</c>. The firmware test suite calls it with
    /// nanoFramework's HMAC (or null where crypto is absent: the MAC check is then skipped), the desktop tests with
    /// .NET's.
    /// </summary>
    public static class GoldenVectorCheck
    {
        /// <summary>Null if every vector matches, else the name of the first one that does not.</summary>
        public static string FirstMismatch(IHmacSha256 hmac)
        {
            byte[] check = new byte[9];
            Ascii.GetBytes("123456789", check, 0);
            if (Crc32.Compute(check, 0, check.Length) != GoldenVectors.Crc32Check)
            {
                return "Crc32Check";
            }

            string cobs = CheckCobsPairs();
            if (cobs != null)
            {
                return cobs;
            }

            SignedRecord record = GoldenVectors.BuildUnsignedRecord();
            byte[] macInput = new byte[SignedRecord.MacInputLength];
            record.WriteMacInput(macInput, 0);
            if (Hex.Encode(macInput) != GoldenVectors.MacInputHex)
            {
                return "MacInput";
            }

            byte[] key = GoldenVectors.TestKey();
            if (hmac != null)
            {
                record.Sign(hmac, key);
                if (Hex.Encode(record.Mac) != GoldenVectors.RecordMacHex)
                {
                    return "RecordMac";
                }

                byte[] holderMac = new byte[HolderDataMac.Length];
                byte[] uid = Hex.Decode(GoldenVectors.CardUidHex);
                new HolderDataMac(hmac).Compute(Hex.Decode(GoldenVectors.HolderMacKeyHex), uid, uid.Length, GoldenVectors.BuildHolderImage(), 0, holderMac, 0);
                if (Hex.Encode(holderMac) != GoldenVectors.HolderMacHex)
                {
                    return "HolderMac";
                }
            }

            record.Mac = Hex.Decode(GoldenVectors.RecordMacHex);
            byte[] buf = new byte[FrameFormat.MaxEncodedFrameSize];
            int n = record.Encode(buf, 0);
            if (Hex.Encode(buf, 0, n) != GoldenVectors.RecordWireHex)
            {
                return "RecordWire";
            }

            byte[] scratch = new byte[FrameFormat.MaxPayloadSize];
            FrameHeader auth = FrameHeader.Request(MessageType.AuthorizeRequest, GoldenVectors.AuthorizeRequestId);
            n = FrameEncoder.Encode(FrameHeader.Request(MessageType.Hello, 1), GoldenVectors.BuildHello(), scratch, buf, 0);
            if (Hex.Encode(buf, 0, n) != GoldenVectors.HelloFrameHex)
            {
                return "HelloFrame";
            }

            n = FrameEncoder.Encode(auth, GoldenVectors.BuildAuthorizeRequest(), scratch, buf, 0);
            if (Hex.Encode(buf, 0, n) != GoldenVectors.AuthorizeRequestFrameHex)
            {
                return "AuthorizeRequestFrame";
            }

            n = FrameEncoder.Encode(auth.ToResponse(MessageType.AuthorizeResponse), GoldenVectors.BuildAuthorizeResponse(), scratch, buf, 0);
            if (Hex.Encode(buf, 0, n) != GoldenVectors.AuthorizeResponseFrameHex)
            {
                return "AuthorizeResponseFrame";
            }

            FrameHeader keys = FrameHeader.Request(MessageType.ProvisionCardKeys, GoldenVectors.CardKeysRequestId);
            n = FrameEncoder.Encode(keys, GoldenVectors.BuildProvisionCardKeys(), scratch, buf, 0);
            if (Hex.Encode(buf, 0, n) != GoldenVectors.ProvisionCardKeysFrameHex)
            {
                return "ProvisionCardKeysFrame";
            }

            n = FrameEncoder.Encode(keys.ToResponse(MessageType.ProvisionCardKeysResponse), GoldenVectors.BuildProvisionCardKeysResponse(), scratch, buf, 0);
            if (Hex.Encode(buf, 0, n) != GoldenVectors.ProvisionCardKeysResponseFrameHex)
            {
                return "ProvisionCardKeysResponseFrame";
            }

            n = FrameEncoder.EncodeAck(FrameHeader.Request(MessageType.JournalAck, 9), buf, 0);
            if (Hex.Encode(buf, 0, n) != GoldenVectors.AckFrameHex)
            {
                return "AckFrame";
            }

            n = FrameEncoder.EncodeError(FrameHeader.Request((MessageType)0x3E, 5), ErrorCode.UnknownMessageType, buf, 0);
            if (Hex.Encode(buf, 0, n) != GoldenVectors.UnknownTypeErrorFrameHex)
            {
                return "UnknownTypeErrorFrame";
            }

            return CheckResponseDecodes(hmac, key);
        }

        private static string CheckCobsPairs()
        {
            char[] pairSeparator = new char[] { ';' };
            char[] ioSeparator = new char[] { ':' };
            string[] pairs = GoldenVectors.CobsPairs.Split(pairSeparator);
            byte[] buf = new byte[64];
            for (int i = 0; i < pairs.Length; i++)
            {
                string[] io = pairs[i].Split(ioSeparator);
                byte[] input = Hex.Decode(io[0]);
                int n = Cobs.Encode(input, 0, input.Length, buf, 0);
                if (n < 0 || Hex.Encode(buf, 0, n) != io[1])
                {
                    return "CobsPairs[" + i.ToString() + "]";
                }

                byte[] encoded = Hex.Decode(io[1]);
                n = Cobs.Decode(encoded, 0, encoded.Length, buf, 0);
                if (n < 0 || Hex.Encode(buf, 0, n) != io[0])
                {
                    return "CobsPairs[" + i.ToString() + "]";
                }
            }

            return null;
        }

        /// <summary>The golden response frame, streamed through FrameDecoder, yields the golden record.</summary>
        private static string CheckResponseDecodes(IHmacSha256 hmac, byte[] key)
        {
            byte[] wire = Hex.Decode(GoldenVectors.AuthorizeResponseFrameHex);
            LastFrame sink = new LastFrame();
            FrameDecoder decoder = new FrameDecoder(sink);
            for (int i = 0; i < wire.Length; i++)
            {
                decoder.FeedByte(wire[i]);
            }

            if (sink.Count != 1 || sink.Header.RequestId != GoldenVectors.AuthorizeRequestId
                || sink.Header.Type != MessageType.AuthorizeResponse || sink.Header.Flags != FrameFlags.Response)
            {
                return "AuthorizeResponseFrame (decode)";
            }

            AuthorizeResponse response;
            if (AuthorizeResponse.TryDecode(sink.Payload, 0, sink.Payload.Length, out response) != DecodeStatus.Ok
                || response.Status != AuthorizeStatus.Approved || response.Record.Counter != GoldenVectors.Counter)
            {
                return "AuthorizeResponseFrame (message)";
            }

            if (hmac != null && !response.Record.Verify(hmac, key))
            {
                return "AuthorizeResponseFrame (verify)";
            }

            return null;
        }

        private sealed class LastFrame : IFrameHandler
        {
            public int Count;
            public FrameHeader Header;
            public byte[] Payload;

            public void OnFrame(FrameHeader header, byte[] frame, int payloadOffset, int payloadLength)
            {
                Count++;
                Header = header;
                Payload = new byte[payloadLength];
                System.Array.Copy(frame, payloadOffset, Payload, 0, payloadLength);
            }

            public void OnFrameDropped(FrameDropReason reason, int byteCount)
            {
            }
        }
    }
}
