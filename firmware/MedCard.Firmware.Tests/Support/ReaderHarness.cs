using MedCard.Firmware.Keypad;
using MedCard.Firmware.Reader;
using MedCard.Firmware.Tests.Fakes;
using MedCard.Protocol;

namespace MedCard.Firmware.Tests
{
    /// <summary>
    /// A complete reader on fakes: card field, 4x4 keypad, byte store, clock, link, feedback. Time only moves when
    /// the test says so (<see cref="Run"/>), in steps of <see cref="StepMs"/> with one Tick per step; after each of those
    /// Ticks the host side decodes what the reader sent and ACKs its events in time, as a host would
    /// (<see cref="HostEndpoint.AcknowledgeEvents"/>). <see cref="Tick"/> leaves the bytes on the link.
    /// <see cref="Reboot"/> rebuilds the core over the same store, like a power cycle.
    /// </summary>
    public sealed class ReaderHarness
    {
        public const int StepMs = 10;

        public readonly FakeCardField Field = new FakeCardField();
        public readonly FakeKeypadPins Keypad = new FakeKeypadPins(KeypadLayout.Standard4x4());
        public readonly FakeByteStore Store;
        public readonly FakeClock Clock = new FakeClock();
        public readonly FakeHostLink Link = new FakeHostLink();
        public readonly FakeFeedback Feedback = new FakeFeedback();
        public readonly HostEndpoint Host;
        public readonly ReaderOptions Options = new ReaderOptions();
        public ReaderCore Reader;

        /// <summary>Crypto the next <see cref="Reboot"/> hands the core (the benchmarks wrap it to count its allocations).</summary>
        public IHmacSha256 Hmac = TestPlatform.CreateHmac();

        /// <summary>AES the next <see cref="Reboot"/> hands the core.</summary>
        public IAes128 Aes = TestPlatform.CreateAes();

        public ReaderHarness()
            : this(new FakeByteStore())
        {
        }

        public ReaderHarness(FakeByteStore store)
        {
            Store = store;
            Host = new HostEndpoint(Link);
            Options.JournalCapacity = 8;
            Options.HotlistCapacity = 64;
            Reboot();
        }

        /// <summary>A harness already provisioned, with card keys and the test card of <see cref="TestKeys.CardNumber"/> ready.</summary>
        public static ReaderHarness Provisioned()
        {
            ReaderHarness h = new ReaderHarness();
            h.ProvisionDirectly();
            return h;
        }

        /// <summary>(Re)build the core over the same store and devices.</summary>
        public void Reboot()
        {
            ReaderDevices devices = new ReaderDevices();
            devices.CardField = Field;
            devices.KeypadPins = Keypad;
            devices.KeypadLayout = KeypadLayout.Standard4x4();
            devices.Store = Store;
            devices.WallClock = Clock;
            devices.HostLink = Link;
            devices.Feedback = Feedback;
            devices.Entropy = new FakeEntropy();
            devices.Hmac = Hmac;
            devices.Aes = Aes;
            devices.BoardName = "test-board";
            Reader = new ReaderCore(devices, Options);
        }

        /// <summary>Provision id/key and install card keys without going through the link.</summary>
        public void ProvisionDirectly()
        {
            Reader.Provisioning.Provision(TestKeys.ReaderId, TestKeys.ReaderKey());
            Reader.InstallCardKeys(TestKeys.KeyAMasterKey());
        }

        /// <summary>Advance the clock by <paramref name="ms"/>, ticking every <see cref="StepMs"/>.</summary>
        public void Run(int ms)
        {
            int steps = ms / StepMs;
            if (steps == 0)
            {
                steps = 1;
            }

            for (int i = 0; i < steps; i++)
            {
                Clock.NowMs += StepMs;
                Reader.Tick(Clock.NowMs);
                Host.Collect();
            }
        }

        /// <summary>One tick without moving time (to deliver queued requests).</summary>
        public void Tick()
        {
            Reader.Tick(Clock.NowMs);
        }

        /// <summary>Put a card on the reader and run until it is reported (or 2 s pass).</summary>
        public void Present(FakeMifareCard card)
        {
            Field.Card = card;
            for (int i = 0; i < 200 && Reader.State != ReaderState.CardReady && Reader.State != ReaderState.WaitingRemoval; i++)
            {
                Run(StepMs);
            }
        }

        /// <summary>Put the standard test card on the reader and run until it is reported.</summary>
        public FakeMifareCard PresentTestCard()
        {
            FakeMifareCard card = TestCards.Personalised(TestKeys.Uid4(), TestKeys.CardNumber);
            Present(card);
            return card;
        }

        /// <summary>Take the card away and run long enough for the debounced removal.</summary>
        public void Lift()
        {
            Field.Card = null;
            Run(1000);
        }

        /// <summary>Send a request and tick once so it is handled; returns its id.</summary>
        public ushort Request(IMessage request)
        {
            ushort id = Host.Send(request);
            Tick();
            return id;
        }

        /// <summary>Type keys one by one: press, hold 60 ms, release, wait 60 ms.</summary>
        public void Type(string keys)
        {
            for (int i = 0; i < keys.Length; i++)
            {
                Keypad.Press(keys[i]);
                Run(60);
                Keypad.Release(keys[i]);
                Run(60);
            }
        }

        /// <summary>Ask for a PIN with default limits and a 30 s timeout; returns the request id.</summary>
        public ushort RequestPin()
        {
            PinRequest request = new PinRequest();
            return Request(request);
        }

        /// <summary>Request, type and submit a PIN; returns the decoded response.</summary>
        public PinBlockResponse EnterPin(string digits)
        {
            ushort id = RequestPin();
            Type(digits + "#");
            ReceivedFrame f = Host.ResponseTo(id);
            return f == null ? null : PinBlockResponse.Decode(f.Payload, 0, f.Payload.Length);
        }

        /// <summary>An authorize request for the test card.</summary>
        public static AuthorizeRequest Purchase(long amount, byte nonceSeed)
        {
            AuthorizeRequest request = new AuthorizeRequest();
            request.Amount = amount;
            request.TransactionType = TransactionType.Purchase;
            request.HostNonce = TestKeys.Sequence(nonceSeed, 8);
            request.Time = 1767225600;
            request.CardNumber = TestKeys.CardNumber;
            return request;
        }

        /// <summary>Send an authorize request and decode its response.</summary>
        public AuthorizeResponse Authorize(AuthorizeRequest request)
        {
            ushort id = Request(request);
            ReceivedFrame f = Host.ResponseTo(id);
            return f == null ? null : AuthorizeResponse.Decode(f.Payload, 0, f.Payload.Length);
        }

        /// <summary>Full happy path on the card in the field: PIN then purchase.</summary>
        public AuthorizeResponse PayWithPin(long amount, byte nonceSeed)
        {
            EnterPin("1234");
            return Authorize(Purchase(amount, nonceSeed));
        }
    }
}
