namespace MedCard.Protocol
{
    /// <summary>
    /// Golden vectors: the one place their hex lives. The desktop tests and the firmware test suite both check
    /// them, and a desktop test checks that README.md shows the same hex. Inputs are stated as constants and the
    /// Build* methods turn them into objects, so each side re-encodes and compares byte for byte.
    /// Test key only: never provision a real reader with it.
    /// </summary>
    public static class GoldenVectors
    {
        // ---- Inputs ---------------------------------------------------------------------------------------

        /// <summary>Test reader key: bytes 0x00, 0x01, ..., 0x1f.</summary>
        public const string TestKeyHex = "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f";

        public const uint ReaderId = 0x00000101;
        public const uint Counter = 42;
        public const string PreviousMacHex = "a0a1a2a3a4a5a6a7a8a9aaabacadaeaf";
        public const string CardUidHex = "deadbeef";
        public const string CardNumber = "A12345678";

        /// <summary>123.45 yuan in fen.</summary>
        public const long Amount = 12345;

        public const TransactionType Type = TransactionType.Purchase;

        /// <summary>2026-11-18 11:06:40 UTC.</summary>
        public const uint Time = 1795000000;

        public const string HostNonceHex = "0102030405060708";

        /// <summary>Request id used for the authorize exchange frames.</summary>
        public const ushort AuthorizeRequestId = 7;

        /// <summary>Test key-A master for ProvisionCardKeys (the only card key a reader gets): bytes 0x20 ... 0x3f.</summary>
        public const string KeyAMasterKeyHex = "202122232425262728292a2b2c2d2e2f303132333435363738393a3b3c3d3e3f";

        /// <summary>Test holder-data MAC key of the issuer (never sent to a reader): bytes 0x40 ... 0x5f.</summary>
        public const string HolderMacKeyHex = "404142434445464748494a4b4c4d4e4f505152535455565758595a5b5c5d5e5f";

        /// <summary>Holder of the holder-data MAC vector (card UID <see cref="CardUidHex"/>, card number <see cref="CardNumber"/>).</summary>
        public const string HolderResidentId = "110105198001010024";

        /// <summary>Holder name, UTF-8 of 张丽.</summary>
        public const string HolderNameHex = "e5bca0e4b8bd";

        /// <summary>Holder gender: 2 (female).</summary>
        public const Gender HolderGender = Gender.Female;

        /// <summary>Request id used for the card-keys exchange frames.</summary>
        public const ushort CardKeysRequestId = 11;

        // ---- Expected outputs -----------------------------------------------------------------------------

        /// <summary>CRC-32 of ASCII "123456789" (the standard check value).</summary>
        public const uint Crc32Check = 0xCBF43926;

        public const string MacInputHex =
            "4d6564436172642e5369676e65645265636f72642e7631000001010000002aa0a1a2a3a4a5a6a7a8a9aaabacadaeaf04deadbeef0000000000000941313233343536373800000000000000000000000000000000003039016afd86c00102030405060708";

        public const string RecordMacHex = "690de90c323e6087c99a5075a08a7507";

        public const string RecordWireHex =
            "000001010000002aa0a1a2a3a4a5a6a7a8a9aaabacadaeaf04deadbeef094131323334353637380000000000003039016afd86c00102030405060708690de90c323e6087c99a5075a08a7507";

        /// <summary>Hello (request id 1, protocol 1, host time = Time).</summary>
        public const string HelloFrameHex = "03010102010a016afd86c09f1e3f9600";

        public const string AuthorizeRequestFrameHex =
            "03010302070101010101011e30390101020304050607086afd86c00941313233343536373876b185d700";

        public const string AuthorizeResponseFrameHex =
            "03014303070101010301010101212aa0a1a2a3a4a5a6a7a8a9aaabacadaeaf04deadbeef094131323334353637380101010101243039016afd86c00102030405060708690de90c323e6087c99a5075a08a75078abb773300";

        /// <summary>Bare ACK answering JournalAck request id 9.</summary>
        public const string AckFrameHex = "03010607090396e26b8200";

        /// <summary>Error answer to a request of unknown type 0x3e, request id 5.</summary>
        public const string UnknownTypeErrorFrameHex = "03017f090509013e211a8c8900";

        /// <summary>ProvisionCardKeys{ReaderId, KeyAMasterKeyHex}, request id 11.</summary>
        public const string ProvisionCardKeysFrameHex =
            "03010a020b0101270101202122232425262728292a2b2c2d2e2f303132333435363738393a3b3c3d3e3f7e44db4100";

        /// <summary>HolderDataMac under HolderMacKeyHex of the holder image for the holder inputs above and UID CardUidHex.</summary>
        public const string HolderMacHex = "f9d89f3659fd3386b2a8bf21a743d8af";

        /// <summary>ProvisionCardKeysResponse{Installed} answering request id 11.</summary>
        public const string ProvisionCardKeysResponseFrameHex = "03014a030b01057d93ec4e00";

        /// <summary>COBS input/output pairs, "input:output" (delimiter not included).</summary>
        public const string CobsPairs =
            ":01;00:0101;0000:010101;1100:021101;11220033:0311220233;11223344:0511223344";

        // ---- Builders ---------------------------------------------------------------------------------------

        public static byte[] TestKey()
        {
            return Hex.Decode(TestKeyHex);
        }

        /// <summary>The golden record with its inputs, unsigned (Mac null).</summary>
        public static SignedRecord BuildUnsignedRecord()
        {
            SignedRecord r = new SignedRecord();
            r.ReaderId = ReaderId;
            r.Counter = Counter;
            r.PreviousMac = Hex.Decode(PreviousMacHex);
            r.CardUid = Hex.Decode(CardUidHex);
            r.CardNumber = CardNumber;
            r.Amount = Amount;
            r.Type = Type;
            r.Time = Time;
            r.HostNonce = Hex.Decode(HostNonceHex);
            return r;
        }

        public static Hello BuildHello()
        {
            Hello m = new Hello();
            m.ProtocolVersion = FrameFormat.ProtocolVersion;
            m.HostTime = Time;
            return m;
        }

        public static AuthorizeRequest BuildAuthorizeRequest()
        {
            AuthorizeRequest m = new AuthorizeRequest();
            m.Amount = Amount;
            m.TransactionType = Type;
            m.HostNonce = Hex.Decode(HostNonceHex);
            m.Time = Time;
            m.CardNumber = CardNumber;
            return m;
        }

        /// <summary>The golden card-keys request (test keys only).</summary>
        public static ProvisionCardKeys BuildProvisionCardKeys()
        {
            ProvisionCardKeys m = new ProvisionCardKeys();
            m.ReaderId = ReaderId;
            m.KeyAMasterKey = Hex.Decode(KeyAMasterKeyHex);
            return m;
        }

        /// <summary>The covered 128 bytes of the golden holder image.</summary>
        public static byte[] BuildHolderImage()
        {
            byte[] name = Hex.Decode(HolderNameHex);
            byte[] image = new byte[HolderImageLayout.CoveredLength];
            HolderImageLayout.WriteCovered(HolderResidentId, (byte)HolderGender, CardNumber, name, name.Length, image, 0);
            return image;
        }

        /// <summary>The golden card-keys answer: Installed.</summary>
        public static ProvisionCardKeysResponse BuildProvisionCardKeysResponse()
        {
            ProvisionCardKeysResponse m = new ProvisionCardKeysResponse();
            m.Status = CardKeysStatus.Installed;
            return m;
        }

        /// <summary>The approved response carrying the golden record signed with <see cref="RecordMacHex"/>.</summary>
        public static AuthorizeResponse BuildAuthorizeResponse()
        {
            SignedRecord r = BuildUnsignedRecord();
            r.Mac = Hex.Decode(RecordMacHex);
            AuthorizeResponse m = new AuthorizeResponse();
            m.Status = AuthorizeStatus.Approved;
            m.Record = r;
            return m;
        }
    }
}
