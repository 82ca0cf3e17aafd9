using System.Collections;
using MedCard.Firmware.Tests.Fakes;
using MedCard.Protocol;
using nanoFramework.TestFramework;

namespace MedCard.Firmware.Tests
{
    /// <summary>
    /// End to end: transactions and acknowledgements run while the power fails at write N (every N in turn, several
    /// tear modes), then the reader reboots and keeps going. No counter may ever be signed twice, records that
    /// survive keep verifying, and consecutive counters keep chaining.
    /// </summary>
    [TestClass]
    public class ReaderPowerCutTests
    {
        // 5 transactions (counter + journal write each) and 2 acknowledgements (watermark write each) = 12 writes.
        private const int WritesToCover = 12;

        private static void Pay(ReaderHarness h, byte seed, ArrayList signed)
        {
            h.Run(2000);
            h.EnterPin("1234");
            AuthorizeResponse a = h.Authorize(ReaderHarness.Purchase(100 + seed, seed));
            if (a != null && a.Status == AuthorizeStatus.Approved)
            {
                signed.Add(a.Record);
            }
        }

        private static void Ack(ReaderHarness h)
        {
            JournalAck ack = new JournalAck();
            ack.UpToCounter = h.Reader.Journal.LatestCounter;
            if (ack.UpToCounter > 0)
            {
                h.Request(ack);
            }
        }

        private static void Scenario(int cutAt, TearMode mode, int offset)
        {
            ReaderHarness h = ReaderHarness.Provisioned();
            ArrayList signed = new ArrayList();
            h.PresentTestCard();
            h.Store.PowerCutAtWrite = h.Store.Writes + cutAt;
            h.Store.Tear = mode;
            h.Store.TearOffset = offset;
            try
            {
                for (byte i = 1; i <= 5; i++)
                {
                    Pay(h, i, signed);
                    if (i % 2 == 0)
                    {
                        Ack(h);
                    }
                }
            }
            catch (PowerCutException)
            {
            }

            Assert.IsTrue(h.Store.PoweredOff, "the cut happened at write " + cutAt.ToString());
            h.Store.PowerOn();
            h.Reboot();
            h.Run(500);
            for (byte i = 11; i <= 13; i++)
            {
                Pay(h, i, signed);
            }

            string where = " (cut at write " + cutAt.ToString() + ", tear " + ((int)mode).ToString() + "@" + offset.ToString() + ")";
            Assert.IsTrue(signed.Count >= 3, "the reader works again after the cut" + where);
            for (int i = 0; i < signed.Count; i++)
            {
                SignedRecord r = (SignedRecord)signed[i];
                Assert.IsTrue(r.Verify(TestPlatform.CreateHmac(), TestKeys.ReaderKey()), "record verifies" + where);
                if (i > 0)
                {
                    SignedRecord previous = (SignedRecord)signed[i - 1];
                    Assert.IsTrue(r.Counter > previous.Counter, "counter never repeats" + where);
                    if (r.Counter == previous.Counter + 1)
                    {
                        CollectionAssert.AreEqual(previous.Mac, r.PreviousMac, "consecutive records chain" + where);
                    }
                }
            }
        }

        [TestMethod]
        public void TruncatedWriteAtEveryPoint()
        {
            for (int n = 1; n <= WritesToCover; n++)
            {
                Scenario(n, TearMode.Truncated, 9);
            }
        }

        [TestMethod]
        public void UntouchedAndMissingFileAtEveryPoint()
        {
            for (int n = 1; n <= WritesToCover; n++)
            {
                Scenario(n, TearMode.Untouched, 0);
                Scenario(n, TearMode.Missing, 0);
            }
        }

        [TestMethod]
        public void InPlaceTornAndGarbledAtEveryPoint()
        {
            for (int n = 1; n <= WritesToCover; n++)
            {
                Scenario(n, TearMode.NewPrefixOldSuffix, 3);
                Scenario(n, TearMode.Garbled, 13);
            }
        }
    }
}
