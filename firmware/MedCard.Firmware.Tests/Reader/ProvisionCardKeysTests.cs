using MedCard.Firmware.Reader;
using MedCard.Protocol;
using nanoFramework.TestFramework;

namespace MedCard.Firmware.Tests
{
    /// <summary>
    /// ProvisionCardKeys (0x0A) through the link: once, for this reader id only, usable keys only; the answer is a
    /// status that never carries key material; a factory wipe erases the keys and opens the one-time slot again.
    /// </summary>
    [TestClass]
    public class ProvisionCardKeysTests
    {
        private static ReaderHarness ProvisionedWithoutCardKeys()
        {
            ReaderHarness h = new ReaderHarness();
            h.Reader.Provisioning.Provision(TestKeys.ReaderId, TestKeys.ReaderKey());
            return h;
        }

        private static ProvisionCardKeys Request(uint readerId, byte[] keyAMaster)
        {
            ProvisionCardKeys m = new ProvisionCardKeys();
            m.ReaderId = readerId;
            m.KeyAMasterKey = keyAMaster;
            return m;
        }

        private static ProvisionCardKeys TestKeysRequest()
        {
            return Request(TestKeys.ReaderId, TestKeys.KeyAMasterKey());
        }

        private static CardKeysStatus Send(ReaderHarness h, ProvisionCardKeys request)
        {
            ushort id = h.Request(request);
            ReceivedFrame f = h.Host.ResponseTo(id);
            Assert.IsNotNull(f, "answered");
            Assert.AreEqual((int)MessageType.ProvisionCardKeysResponse, (int)f.Header.Type);
            Assert.AreEqual(ProvisionCardKeysResponse.EncodedLength, f.Payload.Length, "a status and nothing else");
            return ProvisionCardKeysResponse.Decode(f.Payload, 0, f.Payload.Length).Status;
        }

        private static HolderDataStatus PresentTestCard(ReaderHarness h)
        {
            h.PresentTestCard();
            ReceivedFrame f = h.Host.Last(MessageType.CardPresented);
            return CardPresented.Decode(f.Payload, 0, f.Payload.Length).HolderStatus;
        }

        [TestMethod]
        public void KeysArriveByMessageAndCardsReadFromThen()
        {
            ReaderHarness h = ProvisionedWithoutCardKeys();
            Assert.AreEqual((int)HolderDataStatus.Unreadable, (int)PresentTestCard(h), "no card keys yet");
            h.Lift();

            Assert.AreEqual((int)CardKeysStatus.Installed, (int)Send(h, TestKeysRequest()));
            Assert.AreEqual((int)HolderDataStatus.Ok, (int)PresentTestCard(h));

            h.Reboot();
            h.Lift();
            Assert.AreEqual((int)HolderDataStatus.Ok, (int)PresentTestCard(h), "persisted across a reboot");
        }

        [TestMethod]
        public void ReaderAnswersTheGoldenRequestByteForByte()
        {
            ReaderHarness h = new ReaderHarness();
            h.Reader.Provisioning.Provision(GoldenVectors.ReaderId, GoldenVectors.TestKey());
            byte[] wire = Hex.Decode(GoldenVectors.ProvisionCardKeysFrameHex);
            h.Link.HostWrite(wire, 0, wire.Length);
            h.Tick();
            byte[] inbox = new byte[256];
            int n = h.Link.HostTake(inbox);
            Assert.AreEqual(GoldenVectors.ProvisionCardKeysResponseFrameHex, Hex.Encode(inbox, 0, n));
            Assert.IsTrue(h.Reader.Provisioning.HasCardKeys);
        }

        [TestMethod]
        public void SecondInstallIsRefusedAndChangesNothing()
        {
            ReaderHarness h = ProvisionedWithoutCardKeys();
            Assert.AreEqual((int)CardKeysStatus.Installed, (int)Send(h, TestKeysRequest()));
            byte[] otherMaster = TestKeys.Sequence(0x70, 32);
            Assert.AreEqual((int)CardKeysStatus.AlreadyInstalled, (int)Send(h, Request(TestKeys.ReaderId, otherMaster)));
            Assert.IsFalse(h.Store.AnyFileContains(otherMaster), "the refused keys were not stored");
            Assert.AreEqual((int)HolderDataStatus.Ok, (int)PresentTestCard(h), "the first keys are in force");
        }

        [TestMethod]
        public void DropFileKeysCountAsInstalled()
        {
            ReaderHarness h = ReaderHarness.Provisioned();
            Assert.AreEqual((int)CardKeysStatus.AlreadyInstalled, (int)Send(h, TestKeysRequest()));
        }

        [TestMethod]
        public void UnprovisionedReaderRefusesAndStoresNothing()
        {
            ReaderHarness h = new ReaderHarness();
            Assert.AreEqual((int)CardKeysStatus.NotProvisioned, (int)Send(h, TestKeysRequest()));
            Assert.IsFalse(h.Reader.Provisioning.HasCardKeys);
            Assert.IsFalse(h.Store.AnyFileContains(TestKeys.KeyAMasterKey()));
        }

        [TestMethod]
        public void OtherReadersIdIsRefused()
        {
            ReaderHarness h = ProvisionedWithoutCardKeys();
            Assert.AreEqual((int)CardKeysStatus.WrongReaderId, (int)Send(h, Request(TestKeys.ReaderId + 1, TestKeys.KeyAMasterKey())));
            Assert.IsFalse(h.Reader.Provisioning.HasCardKeys);
        }

        [TestMethod]
        public void AnAllZeroKeyIsRefused()
        {
            ReaderHarness h = ProvisionedWithoutCardKeys();
            Assert.AreEqual((int)CardKeysStatus.InvalidKey, (int)Send(h, Request(TestKeys.ReaderId, new byte[32])));
            Assert.IsFalse(h.Reader.Provisioning.HasCardKeys);
        }

        [TestMethod]
        public void TruncatedPayloadIsMalformed()
        {
            ReaderHarness h = ProvisionedWithoutCardKeys();
            h.Host.SendRaw(FrameHeader.Request(MessageType.ProvisionCardKeys, 70), new byte[ProvisionCardKeys.EncodedLength - 1]);
            h.Tick();
            ReceivedFrame f = h.Host.ResponseTo(70);
            Assert.IsTrue(f.Header.IsError);
            Assert.AreEqual((int)ErrorCode.MalformedPayload, (int)ProtocolError.Decode(f.Payload, 0, f.Payload.Length).Code);
        }

        [TestMethod]
        public void NothingTheReaderSendsCarriesTheKeys()
        {
            ReaderHarness h = ProvisionedWithoutCardKeys();
            Send(h, TestKeysRequest());
            Send(h, TestKeysRequest());
            h.Request(new StatusRequest());
            h.Request(new Hello());
            PresentTestCard(h);
            byte[] master = TestKeys.KeyAMasterKey();
            for (int i = 0; i < h.Host.Count; i++)
            {
                byte[] payload = h.Host.Frame(i).Payload;
                Assert.IsFalse(Contains(payload, master, 8), "frame " + i.ToString());
            }
        }

        [TestMethod]
        public void StatusAndCapabilitiesTellTheHost()
        {
            ReaderHarness h = ProvisionedWithoutCardKeys();
            ushort id = h.Request(new Hello());
            Capabilities caps = Capabilities.Decode(h.Host.ResponseTo(id).Payload, 0, h.Host.ResponseTo(id).Payload.Length);
            Assert.IsTrue((caps.Flags & CapabilityFlags.CardKeysMessage) != 0, "the host may use the message");

            id = h.Request(new StatusRequest());
            StatusResponse before = StatusResponse.Decode(h.Host.ResponseTo(id).Payload, 0, h.Host.ResponseTo(id).Payload.Length);
            Assert.IsTrue((before.Flags & StatusFlags.CardKeysInstalled) == 0);
            Send(h, TestKeysRequest());
            id = h.Request(new StatusRequest());
            StatusResponse after = StatusResponse.Decode(h.Host.ResponseTo(id).Payload, 0, h.Host.ResponseTo(id).Payload.Length);
            Assert.IsTrue((after.Flags & StatusFlags.CardKeysInstalled) != 0);
        }

        [TestMethod]
        public void FactoryWipeErasesThemAndTheSlotOpensAgain()
        {
            ReaderHarness h = ProvisionedWithoutCardKeys();
            Send(h, TestKeysRequest());
            Reset wipe = new Reset();
            wipe.Mode = ResetMode.FactoryWipe;
            wipe.ConfirmReaderId = TestKeys.ReaderId;
            h.Request(wipe);
            h.Reboot();
            Assert.IsFalse(h.Reader.Provisioning.HasCardKeys);
            Assert.IsFalse(h.Store.AnyFileContains(TestKeys.KeyAMasterKey()), "no copy left in flash");

            h.Reader.Provisioning.Provision(TestKeys.ReaderId, TestKeys.ReaderKey());
            Assert.AreEqual((int)CardKeysStatus.Installed, (int)Send(h, TestKeysRequest()));
        }

        private static bool Contains(byte[] haystack, byte[] needle, int length)
        {
            for (int i = 0; i + length <= haystack.Length; i++)
            {
                bool all = true;
                for (int j = 0; j < length && all; j++)
                {
                    all = haystack[i + j] == needle[j];
                }

                if (all)
                {
                    return true;
                }
            }

            return false;
        }
    }
}
