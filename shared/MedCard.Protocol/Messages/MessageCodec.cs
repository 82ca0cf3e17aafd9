namespace MedCard.Protocol
{
    /// <summary>
    /// Decodes any data message from a received frame by its header type, for dispatchers on either side.
    /// Bare ACK/NACK frames carry no message: check <see cref="FrameHeader.IsAck"/> / IsNack first.
    /// </summary>
    public static class MessageCodec
    {
        /// <summary>
        /// Decodes payload[off .. off+count) as the message named by header.Type. Returns UnknownType for a type
        /// this code does not know (answer it with <see cref="FrameEncoder.EncodeError"/>), UnexpectedFlags when the
        /// flags do not fit the type's direction, or the payload's own status. Never throws on any input.
        /// </summary>
        public static DecodeStatus TryDecode(FrameHeader header, byte[] payload, int off, int count, out IMessage message)
        {
            message = null;
            MessageType type = header.Type;
            if (!MessageTypes.IsKnown(type))
            {
                return DecodeStatus.UnknownType;
            }

            if (!FlagsFit(header))
            {
                return DecodeStatus.UnexpectedFlags;
            }

            DecodeStatus status;
            switch (type)
            {
                case MessageType.Hello: { Hello m; status = Hello.TryDecode(payload, off, count, out m); message = m; break; }
                case MessageType.PinRequest: { PinRequest m; status = PinRequest.TryDecode(payload, off, count, out m); message = m; break; }
                case MessageType.AuthorizeRequest: { AuthorizeRequest m; status = AuthorizeRequest.TryDecode(payload, off, count, out m); message = m; break; }
                case MessageType.HotlistUpdate: { HotlistUpdate m; status = HotlistUpdate.TryDecode(payload, off, count, out m); message = m; break; }
                case MessageType.JournalRead: { JournalRead m; status = JournalRead.TryDecode(payload, off, count, out m); message = m; break; }
                case MessageType.JournalAck: { JournalAck m; status = JournalAck.TryDecode(payload, off, count, out m); message = m; break; }
                case MessageType.Provision: { Provision m; status = Provision.TryDecode(payload, off, count, out m); message = m; break; }
                case MessageType.StatusRequest: { StatusRequest m; status = StatusRequest.TryDecode(payload, off, count, out m); message = m; break; }
                case MessageType.Reset: { Reset m; status = Reset.TryDecode(payload, off, count, out m); message = m; break; }
                case MessageType.ProvisionCardKeys: { ProvisionCardKeys m; status = ProvisionCardKeys.TryDecode(payload, off, count, out m); message = m; break; }
                case MessageType.Capabilities: { Capabilities m; status = Capabilities.TryDecode(payload, off, count, out m); message = m; break; }
                case MessageType.PinBlockResponse: { PinBlockResponse m; status = PinBlockResponse.TryDecode(payload, off, count, out m); message = m; break; }
                case MessageType.AuthorizeResponse: { AuthorizeResponse m; status = AuthorizeResponse.TryDecode(payload, off, count, out m); message = m; break; }
                case MessageType.HotlistAck: { HotlistAck m; status = HotlistAck.TryDecode(payload, off, count, out m); message = m; break; }
                case MessageType.JournalRecords: { JournalRecords m; status = JournalRecords.TryDecode(payload, off, count, out m); message = m; break; }
                case MessageType.ProvisionResponse: { ProvisionResponse m; status = ProvisionResponse.TryDecode(payload, off, count, out m); message = m; break; }
                case MessageType.StatusResponse: { StatusResponse m; status = StatusResponse.TryDecode(payload, off, count, out m); message = m; break; }
                case MessageType.ProvisionCardKeysResponse: { ProvisionCardKeysResponse m; status = ProvisionCardKeysResponse.TryDecode(payload, off, count, out m); message = m; break; }
                case MessageType.ProtocolError: { ProtocolError m; status = ProtocolError.TryDecode(payload, off, count, out m); message = m; break; }
                case MessageType.CardPresented: { CardPresented m; status = CardPresented.TryDecode(payload, off, count, out m); message = m; break; }
                case MessageType.CardRemoved: { CardRemoved m; status = CardRemoved.TryDecode(payload, off, count, out m); message = m; break; }
                default: return DecodeStatus.UnknownType;
            }

            if (status != DecodeStatus.Ok)
            {
                message = null;
            }

            return status;
        }

        /// <summary>
        /// True if the flags fit a data message of this type: requests and events carry no flags; responses carry
        /// Response only; ProtocolError carries Response|Error. Reserved bits are ignored.
        /// </summary>
        public static bool FlagsFit(FrameHeader header)
        {
            FrameFlags f = header.Flags & (FrameFlags.Response | FrameFlags.Ack | FrameFlags.Nack | FrameFlags.Error);
            if (header.Type == MessageType.ProtocolError)
            {
                return f == (FrameFlags.Response | FrameFlags.Error);
            }

            if (MessageTypes.IsRequest(header.Type) || MessageTypes.IsEvent(header.Type))
            {
                return f == FrameFlags.None;
            }

            return f == FrameFlags.Response;
        }

        /// <summary>
        /// Whether a received frame gets an answer: requests and events do, responses never (answering a response,
        /// even a broken one, could start an endless error ping-pong between two peers).
        /// </summary>
        public static bool ShouldAnswer(FrameHeader header)
        {
            return (header.Flags & FrameFlags.Response) == 0;
        }

        /// <summary>The error code to answer a request with when its decode failed.</summary>
        public static ErrorCode ErrorFor(DecodeStatus status)
        {
            switch (status)
            {
                case DecodeStatus.UnknownType: return ErrorCode.UnknownMessageType;
                case DecodeStatus.UnexpectedFlags: return ErrorCode.UnexpectedFlags;
                default: return ErrorCode.MalformedPayload;
            }
        }

        /// <summary>Reads the reason byte of a NACK frame's payload; NotReady if it is missing.</summary>
        public static NackReason NackReasonOf(byte[] payload, int off, int count)
        {
            if (payload == null || count < 1 || off < 0 || off >= payload.Length)
            {
                return NackReason.NotReady;
            }

            return (NackReason)payload[off];
        }
    }
}
