using MedCard.Firmware.Hardware;
using MedCard.Firmware.Reader;
using MedCard.Firmware.Tests.Fakes;
using MedCard.Protocol;
using nanoFramework.TestFramework;

namespace MedCard.Firmware.Tests
{
    /// <summary>Every state transition of the reader and every timeout, through the fakes.</summary>
    [TestClass]
    public class ReaderFlowTests
    {
        [TestMethod]
        public void IdleWithoutCard()
        {
            ReaderHarness h = ReaderHarness.Provisioned();
            h.Run(2000);
            Assert.AreEqual((int)ReaderState.Idle, (int)h.Reader.State);
            Assert.AreEqual(0, h.Host.Count, "nothing is sent while idle");
        }

        [TestMethod]
        public void GoodCardIsReadAndReported()
        {
            ReaderHarness h = ReaderHarness.Provisioned();
            h.PresentTestCard();
            Assert.AreEqual((int)ReaderState.CardReady, (int)h.Reader.State);
            ReceivedFrame f = h.Host.Last(MessageType.CardPresented);
            Assert.IsNotNull(f);
            CardPresented p = CardPresented.Decode(f.Payload, 0, f.Payload.Length);
            Assert.AreEqual((int)HolderDataStatus.Ok, (int)p.HolderStatus);
            Assert.AreEqual(TestKeys.CardNumber, p.CardNumber);
            Assert.AreEqual(TestKeys.ResidentId, p.ResidentId);
            CollectionAssert.AreEqual(TestKeys.Uid4(), p.Uid);
            Assert.AreEqual(1, h.Feedback.BeepCount(BeepPattern.Short));
            Assert.IsFalse(h.Feedback.IsOn(FeedbackLed.Busy));
        }

        [TestMethod]
        public void BlankCardIsReportedAndRefused()
        {
            ReaderHarness h = ReaderHarness.Provisioned();
            h.Present(new FakeMifareCard(TestKeys.Uid7()));
            Assert.AreEqual((int)ReaderState.WaitingRemoval, (int)h.Reader.State);
            CardPresented p = CardPresented.Decode(h.Host.Last(MessageType.CardPresented).Payload, 0, h.Host.Last(MessageType.CardPresented).Payload.Length);
            Assert.AreEqual((int)HolderDataStatus.Unreadable, (int)p.HolderStatus);
            Assert.IsNull(p.CardNumber);
            Assert.IsTrue(h.Feedback.IsOn(FeedbackLed.Red));
            Assert.AreEqual(3, h.Field.Authentications, "three attempts before giving up");
        }

        [TestMethod]
        public void TransientReadErrorIsRetried()
        {
            ReaderHarness h = ReaderHarness.Provisioned();
            h.Field.FailReads = 1;
            h.PresentTestCard();
            Assert.AreEqual((int)ReaderState.CardReady, (int)h.Reader.State);
            Assert.AreEqual(1, h.Host.CountOf(MessageType.CardPresented), "reported once, after the retry");
        }

        [TestMethod]
        public void TamperedCardIsForwardedWithItsMacAndTheIssuersKeyRejectsIt()
        {
            // The reader cannot check the issuer MAC (no issuer key): it forwards fields and MAC, the host checks.
            ReaderHarness h = ReaderHarness.Provisioned();
            FakeMifareCard card = TestCards.Personalised(TestKeys.Uid4(), TestKeys.CardNumber);
            card.Memory[(5 * 16) + 10] ^= 0x01;
            h.Present(card);
            ReceivedFrame f = h.Host.Last(MessageType.CardPresented);
            CardPresented p = CardPresented.Decode(f.Payload, 0, f.Payload.Length);
            Assert.AreEqual((int)HolderDataStatus.Ok, (int)p.HolderStatus);
            Assert.AreEqual("A12245678", p.CardNumber);
            Assert.IsFalse(IssuerAccepts(p), "the host rejects the tampered holder data");
        }

        [TestMethod]
        public void GenuineCardIsForwardedWithAMacTheIssuersKeyAccepts()
        {
            ReaderHarness h = ReaderHarness.Provisioned();
            h.PresentTestCard();
            ReceivedFrame f = h.Host.Last(MessageType.CardPresented);
            CardPresented p = CardPresented.Decode(f.Payload, 0, f.Payload.Length);
            Assert.AreEqual(HolderDataMac.Length, p.IssuerMac.Length);
            Assert.IsTrue(IssuerAccepts(p));
        }

        // The host's check (host library HolderMacVerifier), with the rule shared by both sides.
        private static bool IssuerAccepts(CardPresented p)
        {
            byte[] image = new byte[HolderImageLayout.CoveredLength];
            HolderImageLayout.WriteCovered(p.ResidentId, (byte)p.Gender, p.CardNumber, p.NameUtf8, p.NameUtf8.Length, image, 0);
            return new HolderDataMac(TestPlatform.CreateHmac()).Verify(TestKeys.HolderMacKey(), p.Uid, p.Uid.Length, image, 0, p.IssuerMac, 0);
        }

        [TestMethod]
        public void WithoutCardKeysEveryCardIsUnreadable()
        {
            ReaderHarness h = new ReaderHarness();
            h.Reader.Provisioning.Provision(TestKeys.ReaderId, TestKeys.ReaderKey());
            h.PresentTestCard();
            CardPresented p = CardPresented.Decode(h.Host.Last(MessageType.CardPresented).Payload, 0, h.Host.Last(MessageType.CardPresented).Payload.Length);
            Assert.AreEqual((int)HolderDataStatus.Unreadable, (int)p.HolderStatus);
        }

        [TestMethod]
        public void HostThatNeverAsksTimesOut()
        {
            ReaderHarness h = ReaderHarness.Provisioned();
            h.PresentTestCard();
            h.Run(h.Options.Timings.HostWaitMs - 100);
            Assert.AreEqual((int)ReaderState.CardReady, (int)h.Reader.State);
            h.Run(200);
            Assert.AreEqual((int)ReaderState.WaitingRemoval, (int)h.Reader.State);
            ushort id = h.RequestPin();
            PinBlockResponse r = PinBlockResponse.Decode(h.Host.ResponseTo(id).Payload, 0, h.Host.ResponseTo(id).Payload.Length);
            Assert.AreEqual((int)PinEntryStatus.NoCard, (int)r.Status, "the card has to be presented again");
        }

        [TestMethod]
        public void PinRequestStartsEntryAndEnterCompletesIt()
        {
            ReaderHarness h = ReaderHarness.Provisioned();
            h.PresentTestCard();
            ushort id = h.RequestPin();
            Assert.AreEqual((int)ReaderState.PinEntry, (int)h.Reader.State);
            Assert.IsNull(h.Host.ResponseTo(id), "answered only when entry ends");
            h.Type("12");
            Assert.AreEqual(2, h.Reader.PinDigitCount, "only the count is exposed");
            h.Type("34#");
            Assert.AreEqual((int)ReaderState.CardReady, (int)h.Reader.State);
            PinBlockResponse r = PinBlockResponse.Decode(h.Host.ResponseTo(id).Payload, 0, h.Host.ResponseTo(id).Payload.Length);
            Assert.AreEqual((int)PinEntryStatus.Entered, (int)r.Status);
            Assert.AreEqual(1u, r.KeyCounter, "next counter value");
            Assert.AreEqual(0, h.Reader.PinDigitCount, "PIN buffer wiped");
        }

        [TestMethod]
        public void PinBlockDecodesOnTheHostWithTheDocumentedKey()
        {
            ReaderHarness h = ReaderHarness.Provisioned();
            h.PresentTestCard();
            PinBlockResponse r = h.EnterPin("4321");
            byte[] key = new byte[16];
            MedCard.Protocol.PinKeyDerivation.Derive(TestPlatform.CreateHmac(), TestKeys.ReaderKey(), TestKeys.ReaderId, r.KeyCounter, key);
            byte[] pin = new byte[12];
            Assert.AreEqual(4, PinBlockFormat4.DecodeBlock(TestPlatform.CreateAes(), key, r.PinBlock, 0, TestKeys.CardNumber, pin, 0));
            CollectionAssert.AreEqual(new byte[] { 4, 3, 2, 1 }, new byte[] { pin[0], pin[1], pin[2], pin[3] });
        }

        [TestMethod]
        public void RequestedLengthLimitsAreEnforced()
        {
            ReaderHarness h = ReaderHarness.Provisioned();
            h.PresentTestCard();
            PinRequest request = new PinRequest();
            request.MinLength = 6;
            request.MaxLength = 6;
            ushort id = h.Request(request);
            h.Type("1234#");
            Assert.IsNull(h.Host.ResponseTo(id), "four digits are too short for this request");
            h.Type("567");
            Assert.AreEqual(6, h.Reader.PinDigitCount, "a seventh digit is refused");
            h.Type("#");
            PinBlockResponse r = PinBlockResponse.Decode(h.Host.ResponseTo(id).Payload, 0, h.Host.ResponseTo(id).Payload.Length);
            Assert.AreEqual((int)PinEntryStatus.Entered, (int)r.Status);
            byte[] key = new byte[16];
            MedCard.Protocol.PinKeyDerivation.Derive(TestPlatform.CreateHmac(), TestKeys.ReaderKey(), TestKeys.ReaderId, r.KeyCounter, key);
            Assert.AreEqual(6, PinBlockFormat4.DecodeBlock(TestPlatform.CreateAes(), key, r.PinBlock, 0, TestKeys.CardNumber, new byte[12], 0));
        }

        [TestMethod]
        public void CancelKeyEndsEntry()
        {
            ReaderHarness h = ReaderHarness.Provisioned();
            h.PresentTestCard();
            ushort id = h.RequestPin();
            h.Type("12D");
            PinBlockResponse r = PinBlockResponse.Decode(h.Host.ResponseTo(id).Payload, 0, h.Host.ResponseTo(id).Payload.Length);
            Assert.AreEqual((int)PinEntryStatus.Cancelled, (int)r.Status);
            Assert.IsNull(r.PinBlock);
            Assert.AreEqual((int)ReaderState.CardReady, (int)h.Reader.State);
        }

        [TestMethod]
        public void ClearKeyOnEmptyEntryCancels()
        {
            ReaderHarness h = ReaderHarness.Provisioned();
            h.PresentTestCard();
            ushort id = h.RequestPin();
            h.Type("1*");
            Assert.AreEqual((int)ReaderState.PinEntry, (int)h.Reader.State, "first clear erases");
            h.Type("*");
            PinBlockResponse r = PinBlockResponse.Decode(h.Host.ResponseTo(id).Payload, 0, h.Host.ResponseTo(id).Payload.Length);
            Assert.AreEqual((int)PinEntryStatus.Cancelled, (int)r.Status);
        }

        [TestMethod]
        public void PinEntryTimesOutOverall()
        {
            ReaderHarness h = ReaderHarness.Provisioned();
            h.PresentTestCard();
            PinRequest request = new PinRequest();
            request.TimeoutSeconds = 20;
            ushort id = h.Request(request);
            for (int i = 0; i < 6; i++)
            {
                h.Type("1");
                h.Run(4000);
            }

            Assert.IsNotNull(h.Host.ResponseTo(id), "keys every ~4 s do not extend the 20 s limit");
            PinBlockResponse r = PinBlockResponse.Decode(h.Host.ResponseTo(id).Payload, 0, h.Host.ResponseTo(id).Payload.Length);
            Assert.AreEqual((int)PinEntryStatus.Timeout, (int)r.Status);
            Assert.AreEqual(0, h.Reader.PinDigitCount);
        }

        [TestMethod]
        public void PinEntryTimesOutBetweenKeys()
        {
            ReaderHarness h = ReaderHarness.Provisioned();
            h.PresentTestCard();
            PinRequest request = new PinRequest();
            request.TimeoutSeconds = 120;
            ushort id = h.Request(request);
            h.Type("12");
            h.Run(h.Options.Timings.PinInterKeyMs - 500);
            Assert.IsNull(h.Host.ResponseTo(id));
            h.Run(1000);
            PinBlockResponse r = PinBlockResponse.Decode(h.Host.ResponseTo(id).Payload, 0, h.Host.ResponseTo(id).Payload.Length);
            Assert.AreEqual((int)PinEntryStatus.Timeout, (int)r.Status);
        }

        [TestMethod]
        public void ApprovedAuthorizationShowsResultThenWaitsForRemovalThenIdles()
        {
            ReaderHarness h = ReaderHarness.Provisioned();
            h.PresentTestCard();
            AuthorizeResponse a = h.PayWithPin(2500, 1);
            Assert.AreEqual((int)AuthorizeStatus.Approved, (int)a.Status);
            Assert.AreEqual((int)ReaderState.ShowingResult, (int)h.Reader.State);
            Assert.IsTrue(h.Feedback.IsOn(FeedbackLed.Green));
            Assert.AreEqual(1, h.Feedback.BeepCount(BeepPattern.Success));
            h.Run(h.Options.Timings.FeedbackMs + 20);
            Assert.AreEqual((int)ReaderState.WaitingRemoval, (int)h.Reader.State);
            Assert.IsFalse(h.Feedback.IsOn(FeedbackLed.Green));
            h.Lift();
            Assert.AreEqual((int)ReaderState.Idle, (int)h.Reader.State);
            ReceivedFrame removed = h.Host.Last(MessageType.CardRemoved);
            Assert.IsNotNull(removed);
            CollectionAssert.AreEqual(TestKeys.Uid4(), CardRemoved.Decode(removed.Payload, 0, removed.Payload.Length).Uid);
        }

        [TestMethod]
        public void CardCanBePresentedAgainAfterRemoval()
        {
            ReaderHarness h = ReaderHarness.Provisioned();
            FakeMifareCard card = h.PresentTestCard();
            h.Lift();
            h.Present(card);
            Assert.AreEqual((int)ReaderState.CardReady, (int)h.Reader.State);
            Assert.AreEqual(2, h.Host.CountOf(MessageType.CardPresented));
        }
    }
}
