using MedCard.Firmware.Hardware;
using MedCard.Protocol;
using nanoFramework.TestFramework;

namespace MedCard.Firmware.Tests
{
    /// <summary>The PIN never crosses the link in clear, only a digit count is echoed, and secrets do not print.</summary>
    [TestClass]
    public class PinSecrecyTests
    {
        private static bool Contains(byte[] haystack, byte[] needle)
        {
            for (int i = 0; i + needle.Length <= haystack.Length; i++)
            {
                int j = 0;
                while (j < needle.Length && haystack[i + j] == needle[j])
                {
                    j++;
                }

                if (j == needle.Length)
                {
                    return true;
                }
            }

            return false;
        }

        [TestMethod]
        public void NeitherThePinNorItsPlainFieldIsSent()
        {
            ReaderHarness h = ReaderHarness.Provisioned();
            h.PresentTestCard();
            PinBlockResponse r = h.EnterPin("9173");
            Assert.AreEqual((int)PinEntryStatus.Entered, (int)r.Status);
            for (int i = 0; i < h.Host.Count; i++)
            {
                byte[] payload = h.Host.Frame(i).Payload;
                Assert.IsFalse(Contains(payload, new byte[] { 0x44, 0x91, 0x73 }), "plain PIN field");
                Assert.IsFalse(Contains(payload, new byte[] { (byte)'9', (byte)'1', (byte)'7', (byte)'3' }), "PIN as text");
                Assert.IsFalse(Contains(payload, new byte[] { 9, 1, 7, 3 }), "PIN as digit values");
            }
        }

        [TestMethod]
        public void EachDigitIsEchoedOnlyAsAClick()
        {
            ReaderHarness h = ReaderHarness.Provisioned();
            h.PresentTestCard();
            int framesBefore = h.Host.Count;
            h.RequestPin();
            h.Type("123456");
            Assert.AreEqual(6, h.Feedback.BeepCount(BeepPattern.KeyClick));
            Assert.AreEqual(6, h.Reader.PinDigitCount);
            Assert.AreEqual(framesBefore, h.Host.Count, "nothing goes to the host while digits are typed");
        }

        [TestMethod]
        public void DifferentEntriesOfTheSamePinGiveDifferentBlocks()
        {
            ReaderHarness h = ReaderHarness.Provisioned();
            h.PresentTestCard();
            PinBlockResponse first = h.EnterPin("1234");
            PinBlockResponse second = h.EnterPin("1234");
            Assert.AreEqual(first.KeyCounter, second.KeyCounter, "same transaction, same key");
            CollectionAssert.AreNotEqual(first.PinBlock, second.PinBlock, "the random fill differs");
        }

        [TestMethod]
        public void KeyHoldersDoNotPrintKeys()
        {
            Assert.AreEqual("CardKeys(****)", TestCards.Keys().ToString());
        }

        [TestMethod]
        public void JournalFullIsFlaggedInStatus()
        {
            ReaderHarness h = new ReaderHarness();
            h.Options.JournalCapacity = 1;
            h.Reboot();
            h.ProvisionDirectly();
            h.PresentTestCard();
            h.PayWithPin(100, 1);
            ushort id = h.Request(new StatusRequest());
            StatusResponse s = StatusResponse.Decode(h.Host.ResponseTo(id).Payload, 0, h.Host.ResponseTo(id).Payload.Length);
            Assert.IsTrue((s.Flags & StatusFlags.JournalFull) != 0);
            Assert.AreEqual((ushort)1, s.JournalCount);
        }
    }
}
