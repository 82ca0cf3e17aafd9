namespace MedCard.Protocol
{
    /// <summary>Facts about message type values (ranges, pairs, names) without reflection.</summary>
    public static class MessageTypes
    {
        /// <summary>True for a type this protocol version defines.</summary>
        public static bool IsKnown(MessageType type)
        {
            switch (type)
            {
                case MessageType.Hello:
                case MessageType.PinRequest:
                case MessageType.AuthorizeRequest:
                case MessageType.HotlistUpdate:
                case MessageType.JournalRead:
                case MessageType.JournalAck:
                case MessageType.Provision:
                case MessageType.StatusRequest:
                case MessageType.Reset:
                case MessageType.ProvisionCardKeys:
                case MessageType.Capabilities:
                case MessageType.PinBlockResponse:
                case MessageType.AuthorizeResponse:
                case MessageType.HotlistAck:
                case MessageType.JournalRecords:
                case MessageType.ProvisionResponse:
                case MessageType.StatusResponse:
                case MessageType.ProvisionCardKeysResponse:
                case MessageType.ProtocolError:
                case MessageType.CardPresented:
                case MessageType.CardRemoved:
                    return true;
                default:
                    return false;
            }
        }

        /// <summary>Host-to-reader request range 0x01-0x3F.</summary>
        public static bool IsRequest(MessageType type)
        {
            byte b = (byte)type;
            return b >= 0x01 && b <= 0x3F;
        }

        /// <summary>Reader-to-host unsolicited event range 0x81-0xBF.</summary>
        public static bool IsEvent(MessageType type)
        {
            byte b = (byte)type;
            return b >= 0x81 && b <= 0xBF;
        }

        /// <summary>
        /// The typed response to a request type, or the request type itself for requests answered by a bare
        /// ACK (JournalAck, Reset).
        /// </summary>
        public static MessageType ResponseTo(MessageType request)
        {
            switch (request)
            {
                case MessageType.JournalAck:
                case MessageType.Reset:
                    return request;
                default:
                    return (MessageType)((byte)request | 0x40);
            }
        }

        /// <summary>Name for logs and transcripts (enum ToString is unreliable on nanoFramework).</summary>
        public static string Name(MessageType type)
        {
            switch (type)
            {
                case MessageType.Hello: return "Hello";
                case MessageType.PinRequest: return "PinRequest";
                case MessageType.AuthorizeRequest: return "AuthorizeRequest";
                case MessageType.HotlistUpdate: return "HotlistUpdate";
                case MessageType.JournalRead: return "JournalRead";
                case MessageType.JournalAck: return "JournalAck";
                case MessageType.Provision: return "Provision";
                case MessageType.StatusRequest: return "StatusRequest";
                case MessageType.Reset: return "Reset";
                case MessageType.ProvisionCardKeys: return "ProvisionCardKeys";
                case MessageType.Capabilities: return "Capabilities";
                case MessageType.PinBlockResponse: return "PinBlockResponse";
                case MessageType.AuthorizeResponse: return "AuthorizeResponse";
                case MessageType.HotlistAck: return "HotlistAck";
                case MessageType.JournalRecords: return "JournalRecords";
                case MessageType.ProvisionResponse: return "ProvisionResponse";
                case MessageType.StatusResponse: return "StatusResponse";
                case MessageType.ProvisionCardKeysResponse: return "ProvisionCardKeysResponse";
                case MessageType.ProtocolError: return "ProtocolError";
                case MessageType.CardPresented: return "CardPresented";
                case MessageType.CardRemoved: return "CardRemoved";
                default: return "Type0x" + ((byte)type).ToString("X2");
            }
        }
    }
}
