namespace MedCard.Protocol
{
    /// <summary>
    /// Message type byte of the frame header. Ranges: 0x01-0x3F requests (host to reader), 0x41-0x7F responses
    /// (reader to host, request type | 0x40), 0x81-0xBF events (reader to host, unsolicited).
    /// Values are part of the wire format: never renumber, only add.
    /// </summary>
    public enum MessageType : byte
    {
        /// <summary>Host greets the reader; answered by <see cref="Capabilities"/>.</summary>
        Hello = 0x01,

        /// <summary>Host asks for PIN entry; answered by <see cref="PinBlockResponse"/>.</summary>
        PinRequest = 0x02,

        /// <summary>Host asks for a signed record; answered by <see cref="AuthorizeResponse"/>.</summary>
        AuthorizeRequest = 0x03,

        /// <summary>One chunk of a hotlist version; answered by <see cref="HotlistAck"/>.</summary>
        HotlistUpdate = 0x04,

        /// <summary>Host reads journal records by counter range; answered by <see cref="JournalRecords"/>.</summary>
        JournalRead = 0x05,

        /// <summary>Host has stored records up to a counter; answered by a bare ACK.</summary>
        JournalAck = 0x06,

        /// <summary>One-time reader id and key; answered by <see cref="ProvisionResponse"/>.</summary>
        Provision = 0x07,

        /// <summary>Host asks for diagnostics; answered by <see cref="StatusResponse"/>.</summary>
        StatusRequest = 0x08,

        /// <summary>Soft reboot or factory wipe; answered by a bare ACK before the reader acts.</summary>
        Reset = 0x09,

        /// <summary>One-time reader card key (the key-A master); answered by <see cref="ProvisionCardKeysResponse"/>.</summary>
        ProvisionCardKeys = 0x0A,

        /// <summary>Answer to Hello: what the reader is and supports.</summary>
        Capabilities = 0x41,
        /// <summary>Answer to PinRequest: the enciphered PIN block or why there is none.</summary>
        PinBlockResponse = 0x42,
        /// <summary>Answer to AuthorizeRequest: the signed record or a refusal.</summary>
        AuthorizeResponse = 0x43,
        /// <summary>Answer to HotlistUpdate.</summary>
        HotlistAck = 0x44,
        /// <summary>Answer to JournalRead: one chunk of journal records.</summary>
        JournalRecords = 0x45,
        /// <summary>Answer to Provision.</summary>
        ProvisionResponse = 0x47,
        /// <summary>Answer to StatusRequest: diagnostics.</summary>
        StatusResponse = 0x48,
        /// <summary>Answer to ProvisionCardKeys.</summary>
        ProvisionCardKeysResponse = 0x4A,

        /// <summary>Payload of every frame flagged <see cref="FrameFlags.Error"/>.</summary>
        ProtocolError = 0x7F,

        /// <summary>Event: a card entered the field and was read.</summary>
        CardPresented = 0x81,

        /// <summary>Event: the card left the field.</summary>
        CardRemoved = 0x82,
    }
}
