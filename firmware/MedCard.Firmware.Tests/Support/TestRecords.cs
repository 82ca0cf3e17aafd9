using MedCard.Protocol;

namespace MedCard.Firmware.Tests
{
    /// <summary>Signed records for journal tests.</summary>
    public static class TestRecords
    {
        public static SignedRecord Make(uint counter, byte[] previousMac)
        {
            SignedRecord r = new SignedRecord();
            r.ReaderId = TestKeys.ReaderId;
            r.Counter = counter;
            r.PreviousMac = previousMac != null ? previousMac : new byte[SignedRecord.MacLength];
            r.CardUid = TestKeys.Uid4();
            r.CardNumber = TestKeys.CardNumber;
            r.Amount = 1000 + counter;
            r.Type = TransactionType.Purchase;
            r.Time = 1767225600 + counter;
            r.HostNonce = TestKeys.Sequence((int)counter, 8);
            r.Sign(TestPlatform.CreateHmac(), TestKeys.ReaderKey());
            return r;
        }
    }
}
