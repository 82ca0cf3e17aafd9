using MedCard.Firmware.Reader;
using MedCard.Protocol;
using nanoFramework.TestFramework;

namespace MedCard.Firmware.Tests
{
    /// <summary>
    /// Protocol rule 8: an event the host has not acknowledged is re-sent every 250 ms, at most 3 times, as the same
    /// bytes under the same id; the host's ACK for that (type, id) ends it, and a newer event supersedes it.
    /// </summary>
    [TestClass]
    public class EventResendTests
    {
        private const int Window = 2000;

        // Puts the test card down with the host deaf to events and steps until the first CardPresented leaves the reader.
        private static ReaderHarness PresentUnacknowledged(out long sentAtMs)
        {
            ReaderHarness h = ReaderHarness.Provisioned();
            h.Host.AcknowledgeEvents = false;
            h.Field.Card = TestCards.Personalised(TestKeys.Uid4(), TestKeys.CardNumber);
            sentAtMs = StepUntilFirst(h, MessageType.CardPresented);
            return h;
        }

        // Steps for Window ms and returns, per copy of the event type after the ones already counted, its send time.
        private static long[] CopyTimes(ReaderHarness h, MessageType type, int max)
        {
            long[] times = new long[max];
            int seen = 0;
            int before = h.Host.CountOf(type);
            for (int elapsed = 0; elapsed < Window; elapsed += ReaderHarness.StepMs)
            {
                h.Run(ReaderHarness.StepMs);
                int now = h.Host.CountOf(type) - before;
                while (seen < now && seen < max)
                {
                    times[seen++] = h.Clock.NowMs;
                }

                Assert.IsTrue(now <= max, "no more than " + max.ToString() + " copies");
            }

            long[] result = new long[seen];
            for (int i = 0; i < seen; i++)
            {
                result[i] = times[i];
            }

            return result;
        }

        // Steps until the reader sends its first event of a type; returns the time it went out.
        private static long StepUntilFirst(ReaderHarness h, MessageType type)
        {
            for (int i = 0; i < 200 && h.Host.CountOf(type) == 0; i++)
            {
                h.Run(ReaderHarness.StepMs);
            }

            Assert.AreEqual(1, h.Host.CountOf(type), "the event was sent");
            return h.Clock.NowMs;
        }

        private static ReceivedFrame Nth(ReaderHarness h, MessageType type, int n)
        {
            int seen = 0;
            for (int i = 0; i < h.Host.Count; i++)
            {
                ReceivedFrame f = h.Host.Frame(i);
                if (f.Header.Type == type && seen++ == n)
                {
                    return f;
                }
            }

            return null;
        }

        [TestMethod]
        public void LostEventIsResentAt250And500And750MsThenNoMore()
        {
            long sentAt;
            ReaderHarness h = PresentUnacknowledged(out sentAt);
            long[] resends = CopyTimes(h, MessageType.CardPresented, 4);
            Assert.AreEqual(3, resends.Length, "three re-sends, then the reader gives up");
            Assert.AreEqual(sentAt + 250, resends[0]);
            Assert.AreEqual(sentAt + 500, resends[1]);
            Assert.AreEqual(sentAt + 750, resends[2]);
            Assert.IsFalse(h.Reader.Channel.HasPendingEvent);
            Assert.AreEqual(3, h.Reader.Channel.EventResends);
        }

        [TestMethod]
        public void EveryCopyIsTheSameFrame()
        {
            long sentAt;
            ReaderHarness h = PresentUnacknowledged(out sentAt);
            h.Run(Window);
            ReceivedFrame first = Nth(h, MessageType.CardPresented, 0);
            Assert.AreNotEqual(0, (int)first.Header.RequestId, "event ids start at 1 (rule 4)");
            for (int i = 1; i < 4; i++)
            {
                ReceivedFrame copy = Nth(h, MessageType.CardPresented, i);
                Assert.AreEqual((int)first.Header.RequestId, (int)copy.Header.RequestId, "same event id");
                Assert.AreEqual((int)first.Header.Flags, (int)copy.Header.Flags);
                CollectionAssert.AreEqual(first.Payload, copy.Payload, "same payload");
            }
        }

        [TestMethod]
        public void AckStopsTheResends()
        {
            long sentAt;
            ReaderHarness h = PresentUnacknowledged(out sentAt);
            h.Run(250);
            Assert.AreEqual(2, h.Host.CountOf(MessageType.CardPresented), "the first copy was lost: one re-send");
            h.Host.SendAck(h.Host.Last(MessageType.CardPresented).Header);
            Assert.AreEqual(0, CopyTimes(h, MessageType.CardPresented, 3).Length, "nothing after the ACK");
            Assert.IsFalse(h.Reader.Channel.HasPendingEvent);
            Assert.AreEqual(0, h.Host.CountOf(MessageType.ProtocolError), "the ACK itself is never answered");
        }

        [TestMethod]
        public void AnAcknowledgingHostGetsEachEventOnce()
        {
            ReaderHarness h = ReaderHarness.Provisioned();
            h.PresentTestCard();
            h.Run(Window);
            h.Lift();
            h.Run(Window);
            Assert.AreEqual(1, h.Host.CountOf(MessageType.CardPresented));
            Assert.AreEqual(1, h.Host.CountOf(MessageType.CardRemoved));
            Assert.AreEqual(0, h.Reader.Channel.EventResends);
        }

        [TestMethod]
        public void AckForAnotherIdOrTypeIsIgnored()
        {
            long sentAt;
            ReaderHarness h = PresentUnacknowledged(out sentAt);
            FrameHeader presented = h.Host.Last(MessageType.CardPresented).Header;
            h.Host.SendAck(FrameHeader.Request(MessageType.CardPresented, (ushort)(presented.RequestId + 1)));
            h.Host.SendAck(FrameHeader.Request(MessageType.CardRemoved, presented.RequestId));
            long[] resends = CopyTimes(h, MessageType.CardPresented, 4);
            Assert.AreEqual(3, resends.Length, "neither ACK answers the pending event");
            Assert.AreEqual(sentAt + 250, resends[0]);
        }

        [TestMethod]
        public void ANackOrErrorWithTheEventIdIsNotAnAck()
        {
            long sentAt;
            ReaderHarness h = PresentUnacknowledged(out sentAt);
            FrameHeader presented = h.Host.Last(MessageType.CardPresented).Header;
            h.Host.SendRaw(new FrameHeader(MessageType.CardPresented, presented.RequestId, FrameFlags.Response | FrameFlags.Nack), new byte[] { (byte)NackReason.Busy });
            h.Host.SendRaw(new FrameHeader(MessageType.CardPresented, presented.RequestId, FrameFlags.Response), new byte[0]);
            Assert.AreEqual(3, CopyTimes(h, MessageType.CardPresented, 4).Length);
        }

        [TestMethod]
        public void RemovalWhileThePresentationIsUnacknowledgedSupersedesIt()
        {
            long sentAt;
            ReaderHarness h = PresentUnacknowledged(out sentAt);
            h.Field.Card = null;
            long removedAt = StepUntilFirst(h, MessageType.CardRemoved);
            int presentedCopies = h.Host.CountOf(MessageType.CardPresented);
            Assert.IsTrue(presentedCopies < 4, "the removal went out while the presentation still had re-sends left");

            long[] resends = CopyTimes(h, MessageType.CardRemoved, 4);

            // The host only recognises a repeat of the last (type, id) it saw: a CardPresented re-sent after the
            // CardRemoved would reach it as a new presentation of a card that has gone.
            Assert.AreEqual(presentedCopies, h.Host.CountOf(MessageType.CardPresented), "the presentation is not re-sent any more");
            Assert.AreEqual(3, resends.Length, "the removal is re-sent three times");
            Assert.AreEqual(removedAt + 250, resends[0]);
            Assert.AreEqual(removedAt + 500, resends[1]);
            Assert.AreEqual(removedAt + 750, resends[2]);
            Assert.IsTrue(Nth(h, MessageType.CardRemoved, 0).Header.RequestId != Nth(h, MessageType.CardPresented, 0).Header.RequestId, "its own event id");
            Assert.AreEqual((int)ReaderState.Idle, (int)h.Reader.State);
        }

        [TestMethod]
        public void LateAckForTheSupersededPresentationDoesNotStopTheRemoval()
        {
            long sentAt;
            ReaderHarness h = PresentUnacknowledged(out sentAt);
            FrameHeader presented = h.Host.Last(MessageType.CardPresented).Header;
            h.Field.Card = null;
            StepUntilFirst(h, MessageType.CardRemoved);

            h.Host.SendAck(presented);
            Assert.AreEqual(3, CopyTimes(h, MessageType.CardRemoved, 4).Length, "the removal is still re-sent");

            h.Host.SendAck(h.Host.Last(MessageType.CardRemoved).Header);
            h.Run(Window);
            Assert.AreEqual(4, h.Host.CountOf(MessageType.CardRemoved), "nothing after the giving up either");
        }

        [TestMethod]
        public void AckForTheRemovalStopsItsResends()
        {
            long sentAt;
            ReaderHarness h = PresentUnacknowledged(out sentAt);
            h.Field.Card = null;
            StepUntilFirst(h, MessageType.CardRemoved);

            h.Host.SendAck(h.Host.Last(MessageType.CardRemoved).Header);
            Assert.AreEqual(0, CopyTimes(h, MessageType.CardRemoved, 3).Length);
            Assert.IsFalse(h.Reader.Channel.HasPendingEvent);
        }

        [TestMethod]
        public void EventIdsAdvancePerEventNotPerCopy()
        {
            long sentAt;
            ReaderHarness h = PresentUnacknowledged(out sentAt);
            h.Run(Window);
            h.Field.Card = null;
            h.Run(Window);
            ushort presented = Nth(h, MessageType.CardPresented, 3).Header.RequestId;
            ushort removed = Nth(h, MessageType.CardRemoved, 0).Header.RequestId;
            Assert.AreEqual((int)presented + 1, (int)removed);
        }
    }
}
