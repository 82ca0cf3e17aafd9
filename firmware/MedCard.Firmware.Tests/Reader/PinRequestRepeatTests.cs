using MedCard.Firmware.Reader;
using MedCard.Protocol;
using nanoFramework.TestFramework;

namespace MedCard.Firmware.Tests
{
    /// <summary>
    /// A PinRequest that reaches the reader again while its PIN is being typed (a duplicate on the line, the host's
    /// re-send after a reconnect) is absorbed: its one answer is the PinBlockResponse at the end of entry (rule 1).
    /// Only an exact repeat is: another request, or the same id with other bytes, still gets NACK Busy.
    /// </summary>
    [TestClass]
    public class PinRequestRepeatTests
    {
        private static int NacksTo(ReaderHarness h, ushort id)
        {
            int n = 0;
            for (int i = 0; i < h.Host.Count; i++)
            {
                ReceivedFrame f = h.Host.Frame(i);
                if (f.Header.IsNack && f.Header.RequestId == id)
                {
                    n++;
                }
            }

            return n;
        }

        private static int AnswersTo(ReaderHarness h, ushort id)
        {
            int n = 0;
            for (int i = 0; i < h.Host.Count; i++)
            {
                ReceivedFrame f = h.Host.Frame(i);
                if (f.Header.IsResponse && f.Header.RequestId == id)
                {
                    n++;
                }
            }

            return n;
        }

        [TestMethod]
        public void RepeatsDuringASlowEntryGetNoAnswerAndTheEntryEndsWithThePin()
        {
            ReaderHarness h = ReaderHarness.Provisioned();
            h.PresentTestCard();
            PinRequest request = new PinRequest();
            ushort id = h.Request(request);

            // A holder typing slowly while a host re-sends every 100 ms, as it would after NACK Busy.
            string keys = "2468#";
            for (int k = 0; k < keys.Length; k++)
            {
                for (int r = 0; r < 10; r++)
                {
                    h.Host.SendWithId(request, id);
                    h.Run(100);
                }

                h.Keypad.Press(keys[k]);
                h.Run(60);
                h.Keypad.Release(keys[k]);
                h.Run(60);
            }

            Assert.AreEqual(0, NacksTo(h, id), "no NACK Busy for a repeat of the request being served");
            Assert.AreEqual(1, AnswersTo(h, id), "one answer per request");
            ReceivedFrame answer = h.Host.ResponseTo(id);
            Assert.AreEqual((int)MessageType.PinBlockResponse, (int)answer.Header.Type);
            Assert.AreEqual((int)PinEntryStatus.Entered, (int)PinBlockResponse.Decode(answer.Payload, 0, answer.Payload.Length).Status);
            Assert.AreEqual((int)ReaderState.CardReady, (int)h.Reader.State);
        }

        [TestMethod]
        public void ADuplicateArrivingBackToBackIsAbsorbed()
        {
            ReaderHarness h = ReaderHarness.Provisioned();
            h.PresentTestCard();
            PinRequest request = new PinRequest();
            ushort id = h.Host.Send(request);
            h.Host.SendWithId(request, id);
            h.Tick();
            Assert.AreEqual((int)ReaderState.PinEntry, (int)h.Reader.State);
            Assert.AreEqual(0, AnswersTo(h, id), "the copy in the same read gets nothing either");

            h.Type("1234#");
            Assert.AreEqual(1, AnswersTo(h, id));
            Assert.AreEqual(0, NacksTo(h, id));
        }

        [TestMethod]
        public void SameIdWithOtherBytesIsStillBusy()
        {
            ReaderHarness h = ReaderHarness.Provisioned();
            h.PresentTestCard();
            PinRequest request = new PinRequest();
            ushort id = h.Request(request);
            PinRequest other = new PinRequest();
            other.TimeoutSeconds = 20;
            h.Host.SendWithId(other, id);
            h.Tick();
            ReceivedFrame nack = h.Host.ResponseTo(id);
            Assert.IsNotNull(nack, "not a repeat: answered");
            Assert.IsTrue(nack.Header.IsNack);
            Assert.AreEqual((byte)NackReason.Busy, nack.Payload[0]);
            Assert.AreEqual((int)ReaderState.PinEntry, (int)h.Reader.State, "the entry goes on");
        }

        [TestMethod]
        public void ANewPinRequestDuringEntryIsStillBusy()
        {
            ReaderHarness h = ReaderHarness.Provisioned();
            h.PresentTestCard();
            PinRequest request = new PinRequest();
            ushort first = h.Request(request);
            ushort second = h.Request(request);
            Assert.IsTrue(h.Host.ResponseTo(second).Header.IsNack, "another id is another request");
            Assert.IsNull(h.Host.ResponseTo(first), "the first one is still being entered");

            h.Type("1234#");
            Assert.AreEqual((int)MessageType.PinBlockResponse, (int)h.Host.ResponseTo(first).Header.Type);
        }

        [TestMethod]
        public void ARepeatAfterTheCardLeftGetsTheCachedCardRemoved()
        {
            ReaderHarness h = ReaderHarness.Provisioned();
            h.PresentTestCard();
            PinRequest request = new PinRequest();
            ushort id = h.Request(request);
            h.Type("12");
            h.Host.SendWithId(request, id);
            h.Tick();
            h.Lift();
            Assert.AreEqual(1, AnswersTo(h, id), "the deferred answer went out when the card left");

            h.Host.SendWithId(request, id);
            h.Tick();
            Assert.AreEqual(2, AnswersTo(h, id), "a later repeat is answered, from the cache");
            ReceivedFrame answer = h.Host.ResponseTo(id);
            Assert.AreEqual((int)PinEntryStatus.CardRemoved, (int)PinBlockResponse.Decode(answer.Payload, 0, answer.Payload.Length).Status);
            Assert.AreEqual((int)ReaderState.Idle, (int)h.Reader.State, "and starts nothing");
        }
    }
}
