using MedCard.Firmware.Hardware;
using MedCard.Firmware.Keypad;
using MedCard.Firmware.Reader;
using MedCard.Firmware.Tests.Fakes;
using MedCard.Protocol;
using nanoFramework.TestFramework;

namespace MedCard.Firmware.Tests
{
    /// <summary>
    /// Key-carrying requests (Provision, ProvisionCardKeys) leave no copy of a key in the reader's receive buffer
    /// once they are handled: a link spy keeps the buffer the core reads into and looks at it afterwards.
    /// </summary>
    [TestClass]
    public class KeyHygieneTests
    {
        private sealed class SpyLink : IHostLink
        {
            public readonly FakeHostLink Inner = new FakeHostLink();
            public byte[] LastReadBuffer;

            public int BytesAvailable
            {
                get { return Inner.BytesAvailable; }
            }

            public int Read(byte[] buffer, int offset, int count)
            {
                LastReadBuffer = buffer;
                return Inner.Read(buffer, offset, count);
            }

            public void Write(byte[] data, int offset, int count)
            {
                Inner.Write(data, offset, count);
            }
        }

        private static ReaderCore Build(SpyLink link)
        {
            ReaderDevices d = new ReaderDevices();
            d.CardField = new FakeCardField();
            d.KeypadPins = new FakeKeypadPins(KeypadLayout.Standard4x4());
            d.KeypadLayout = KeypadLayout.Standard4x4();
            d.Store = new FakeByteStore();
            d.WallClock = new FakeClock();
            d.HostLink = link;
            d.Feedback = new FakeFeedback();
            d.Entropy = new FakeEntropy();
            d.Hmac = TestPlatform.CreateHmac();
            d.Aes = TestPlatform.CreateAes();
            d.BoardName = "test-board";
            return new ReaderCore(d, new ReaderOptions());
        }

        private static void Send(SpyLink link, IMessage message, ushort id)
        {
            byte[] payload = new byte[FrameFormat.MaxPayloadSize];
            byte[] wire = new byte[FrameFormat.MaxEncodedFrameSize];
            int n = FrameEncoder.Encode(FrameHeader.Request(message.Type, id), message, payload, wire, 0);
            link.Inner.HostWrite(wire, 0, n);
        }

        private static bool HoldsAnyRunOf(byte[] buffer, byte[] key, int run)
        {
            for (int k = 0; k + run <= key.Length; k++)
            {
                for (int i = 0; i + run <= buffer.Length; i++)
                {
                    bool all = true;
                    for (int j = 0; j < run && all; j++)
                    {
                        all = buffer[i + j] == key[k + j];
                    }

                    if (all)
                    {
                        return true;
                    }
                }
            }

            return false;
        }

        [TestMethod]
        public void ReceiveBufferHoldsNoKeyAfterProvisioningAndCardKeys()
        {
            SpyLink link = new SpyLink();
            ReaderCore reader = Build(link);

            Provision provision = new Provision();
            provision.ReaderId = TestKeys.ReaderId;
            provision.Key = TestKeys.ReaderKey();
            Send(link, provision, 1);
            reader.Tick(10);
            Assert.IsTrue(reader.Provisioning.IsProvisioned);
            Assert.IsNotNull(link.LastReadBuffer, "the core read through the spy");
            Assert.IsFalse(HoldsAnyRunOf(link.LastReadBuffer, TestKeys.ReaderKey(), 4), "reader key");

            ProvisionCardKeys keys = new ProvisionCardKeys();
            keys.ReaderId = TestKeys.ReaderId;
            keys.KeyAMasterKey = TestKeys.KeyAMasterKey();
            Send(link, keys, 2);
            reader.Tick(20);
            Assert.IsTrue(reader.Provisioning.HasCardKeys);
            Assert.IsFalse(HoldsAnyRunOf(link.LastReadBuffer, TestKeys.KeyAMasterKey(), 4), "key-A master");
        }
    }
}
