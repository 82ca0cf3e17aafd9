using System.Collections.Generic;
using System.Text;
using MedCard.Host.Crypto;
using MedCard.Protocol;

namespace MedCard.Protocol.Tests
{
    /// <summary>One populated instance of every message, with the flags it travels under.</summary>
    internal static class SampleMessages
    {
        public static SignedRecord SignedRecord(uint counter, byte[]? uid = null, string card = "310000199001011234")
        {
            SignedRecord r = GoldenVectors.BuildUnsignedRecord();
            r.Counter = counter;
            r.CardUid = uid ?? r.CardUid;
            r.CardNumber = card;
            r.Sign(new DotNetHmacSha256(), GoldenVectors.TestKey());
            return r;
        }

        public static IEnumerable<(IMessage Message, FrameFlags Flags)> All()
        {
            yield return (GoldenVectors.BuildHello(), FrameFlags.None);
            yield return (new Capabilities
            {
                FirmwareMajor = 1, FirmwareMinor = 2, FirmwarePatch = 300, ReaderId = 0x01020304,
                Flags = CapabilityFlags.Provisioned | CapabilityFlags.Keypad | CapabilityFlags.HotlistUidHash,
                BoardName = "ESP32-DevKitC",
            }, FrameFlags.Response);
            yield return (new CardPresented
            {
                Uid = new byte[] { 0x04, 0x11, 0x22, 0x33, 0x44, 0x55, 0x66 }, Atqa = 0x0044, Sak = 0x08,
                HolderStatus = HolderDataStatus.Ok, ResidentId = "11010519491231002X", Gender = Gender.Female,
                CardNumber = "A12345678", NameUtf8 = Encoding.UTF8.GetBytes("张三丰"),
                IssuerMac = new byte[] { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16 },
            }, FrameFlags.None);
            yield return (new CardPresented
            {
                Uid = new byte[] { 1, 2, 3, 4 }, Atqa = 0x0004, Sak = 0x08, HolderStatus = HolderDataStatus.BadIssuerMac,
            }, FrameFlags.None);
            yield return (new CardRemoved { Uid = new byte[] { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10 } }, FrameFlags.None);
            yield return (new PinRequest { MinLength = 4, MaxLength = 6, TriesRemaining = 2, TimeoutSeconds = 45 }, FrameFlags.None);
            yield return (new PinBlockResponse
            {
                Status = PinEntryStatus.Entered, KeyCounter = 43,
                PinBlock = new byte[] { 9, 8, 7, 6, 5, 4, 3, 2, 1, 0, 11, 12, 13, 14, 15, 16 },
            }, FrameFlags.Response);
            yield return (new PinBlockResponse { Status = PinEntryStatus.Timeout }, FrameFlags.Response);
            yield return (GoldenVectors.BuildAuthorizeRequest(), FrameFlags.None);
            yield return (new AuthorizeRequest
            {
                Amount = -500, TransactionType = TransactionType.Refund, HostNonce = new byte[8], Time = 1, CardNumber = "9",
            }, FrameFlags.None);
            yield return (GoldenVectors.BuildAuthorizeResponse(), FrameFlags.Response);
            yield return (new AuthorizeResponse { Status = AuthorizeStatus.JournalFull }, FrameFlags.Response);
            yield return (new HotlistUpdate
            {
                Version = 17, ChunkIndex = 1, ChunkCount = 3, EntryKind = HotlistEntryKind.CardNumber,
                CardNumbers = new[] { "A1", "B22", "12345678901234567890" },
            }, FrameFlags.None);
            yield return (new HotlistUpdate
            {
                Version = 18, ChunkIndex = 0, ChunkCount = 1, EntryKind = HotlistEntryKind.UidHash,
                UidHashes = new byte[HotlistUpdate.UidHashLength * HotlistUpdate.MaxUidHashesPerChunk],
            }, FrameFlags.None);
            yield return (new HotlistAck
            {
                Status = HotlistStatus.ChunkStored, ActiveVersion = 16, ActiveEntries = 40, StagingVersion = 17, NextChunk = 2,
            }, FrameFlags.Response);
            yield return (new JournalRead { FromCounter = 40, ToCounter = 45 }, FrameFlags.None);
            yield return (new JournalRecords
            {
                LatestCounter = 45, OldestCounter = 40, NextCounter = 45,
                Records = new[]
                {
                    SignedRecord(40, new byte[] { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10 }, "12345678901234567890"),
                    SignedRecord(41, new byte[] { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10 }, "12345678901234567890"),
                    SignedRecord(42, new byte[] { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10 }, "12345678901234567890"),
                    SignedRecord(43, new byte[] { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10 }, "12345678901234567890"),
                    SignedRecord(44, new byte[] { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10 }, "12345678901234567890"),
                },
            }, FrameFlags.Response);
            yield return (new JournalRecords { LatestCounter = 0, Records = new SignedRecord[0] }, FrameFlags.Response);
            yield return (new JournalAck { UpToCounter = 44 }, FrameFlags.None);
            yield return (new Provision { ReaderId = 257, Key = GoldenVectors.TestKey() }, FrameFlags.None);
            yield return (new ProvisionResponse { Status = ProvisionStatus.Provisioned, ReaderId = 257 }, FrameFlags.Response);
            yield return (new StatusRequest(), FrameFlags.None);
            yield return (new StatusResponse
            {
                ReaderId = 257, Flags = StatusFlags.Provisioned | StatusFlags.CardPresent, Counter = 45, JournalCount = 5,
                JournalCapacity = 60, HotlistVersion = 16, HotlistAgeSeconds = 3600, UptimeSeconds = 86400,
                FramesAccepted = 1000, DroppedBytes = 77, DroppedBadCrc = 3, DroppedBadCobs = 1, DroppedTooLong = 1,
                DroppedTooShort = 2, DroppedUnknownVersion = 0,
            }, FrameFlags.Response);
            yield return (new Reset { Mode = ResetMode.FactoryWipe, ConfirmReaderId = 257 }, FrameFlags.None);
            yield return (GoldenVectors.BuildProvisionCardKeys(), FrameFlags.None);
            yield return (new ProvisionCardKeysResponse { Status = CardKeysStatus.WrongReaderId }, FrameFlags.Response);
            yield return (new ProtocolError(ErrorCode.UnknownMessageType, (MessageType)0x3E), FrameFlags.Response | FrameFlags.Error);
        }
    }
}
