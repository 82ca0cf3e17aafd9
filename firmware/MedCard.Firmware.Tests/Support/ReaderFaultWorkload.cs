using System.Collections;
using System.IO;
using MedCard.Firmware.Tests.Fakes;
using MedCard.Protocol;

namespace MedCard.Firmware.Tests
{
    /// <summary>
    /// The whole reader under storage faults, with a host that behaves like ours: the armed part is
    /// <see cref="Transactions"/> times "PIN, AuthorizeRequest (retried with the same host nonce after a failure, PIN typed
    /// again), JournalAck of everything received, reader switched off and on"; a power cut reboots the reader at once (a
    /// boot that fails is retried, as the app does) and the host carries on. The planned reboot after each transaction is
    /// what exposes a belief that only RAM held. Finish clears the faults and checks what a host must be able to rely on:
    /// <list type="bullet">
    /// <item>no counter value signed twice, no host nonce signed under two counters, approvals never go back
    /// (<see cref="SignatureLedger"/>, over every record that ever left the reader, the history before the faults included);</item>
    /// <item>no signed record lost: every record that left the reader is acknowledged or still in the journal, byte for byte;</item>
    /// <item>the reader stays usable: with at most two faults, every transaction of the armed part is approved and every
    /// acknowledgement accepted within the host's 3 attempts, and the transaction after the reboot is approved.</item>
    /// </list>
    /// Starts from <see cref="History"/>: both counter slots and both acknowledgement slots written, the newest in slot 0,
    /// and one record not acknowledged yet.
    /// </summary>
    public sealed class ReaderFaultWorkload : IFaultWorkload
    {
        private const int Attempts = 3;
        private const int BootAttempts = 4;

        private static FakeByteStore _history;
        private static ArrayList _historyRecords;
        private static uint _historyAcked;

        private ReaderHarness _h;
        private SignatureLedger _ledger;
        private FakeMifareCard _card;
        private uint _ackedByHost;
        private string _unusable;

        /// <summary>Transactions in the armed part (each followed by an acknowledgement).</summary>
        public int Transactions = 2;

        /// <summary>The ledger of the last run (for the tests' own assertions).</summary>
        public SignatureLedger Ledger
        {
            get { return _ledger; }
        }

        /// <summary>The harness of the last run.</summary>
        public ReaderHarness Harness
        {
            get { return _h; }
        }

        /// <summary>The starting store (built once; scenarios copy it): provisioned, 4 transactions, the first 3 acknowledged.</summary>
        public static FakeByteStore History()
        {
            if (_history == null)
            {
                ReaderFaultWorkload w = new ReaderFaultWorkload();
                ReaderHarness h = ReaderHarness.Provisioned();
                w._h = h;
                w._ledger = new SignatureLedger();
                w._card = h.PresentTestCard();
                // ctr is written 4 times (slots 0, 1, 0, 1) and jack 3 times (0, 1, 0): both slots of both hold a value.
                for (byte i = 1; i <= 4; i++)
                {
                    w.Pay((byte)(200 + i));
                    if (i <= 3)
                    {
                        w.Ack();
                    }
                }

                _historyRecords = new ArrayList();
                for (int i = 0; i < w._ledger.Count; i++)
                {
                    _historyRecords.Add(w._ledger.Record(i));
                }

                _historyAcked = w._ackedByHost;
                _history = h.Store;
            }

            return _history;
        }

        public void Start(FakeByteStore store)
        {
            History();
            _h = new ReaderHarness(store);
            _ledger = new SignatureLedger();
            _ackedByHost = _historyAcked;
            _unusable = null;
            for (int i = 0; i < _historyRecords.Count; i++)
            {
                _ledger.Approved((SignedRecord)_historyRecords[i]);
            }

            _h.Reader.InstallCardKeysFromDropFile();
            _card = TestCards.Personalised(TestKeys.Uid4(), TestKeys.CardNumber);
            _h.Present(_card);
        }

        public void RunArmed()
        {
            for (int t = 0; t < Transactions; t++)
            {
                Pay((byte)(10 + t));
                Ack();
                Reboot();
            }
        }

        /// <summary>A copy of <see cref="History"/> to start a scenario from.</summary>
        public static FakeByteStore CopyOfHistory()
        {
            FakeByteStore store = new FakeByteStore();
            store.CopyFilesFrom(History());
            return store;
        }

        public string Finish()
        {
            if (_unusable != null)
            {
                return Why(_unusable);
            }

            Reboot();
            if (!PayOnce(101))
            {
                return Why("no approval after a reboot");
            }

            Hashtable inJournal = ReadJournal();
            if (inJournal == null)
            {
                return Why("the journal does not read back");
            }

            uint acked = _h.Reader.Journal.AckedThrough;
            for (int i = 0; i < _ledger.Count; i++)
            {
                SignedRecord r = _ledger.Record(i);
                if (r.Counter > acked && !inJournal.Contains(r.Counter))
                {
                    return Why("record " + r.Counter.ToString() + " left the reader and is neither acknowledged (through " + acked.ToString() + ") nor journaled");
                }
            }

            return _ledger.Violation;
        }

        /// <summary>One transaction with retries (same host nonce); power cuts reboot the reader.</summary>
        public void Pay(byte nonceSeed)
        {
            AuthorizeRequest request = ReaderHarness.Purchase(100 + nonceSeed, nonceSeed);
            for (int attempt = 0; attempt < Attempts; attempt++)
            {
                try
                {
                    if (TryPay(request))
                    {
                        return;
                    }
                }
                catch (PowerCutException)
                {
                    Reboot();
                }
            }

            Unusable("transaction " + nonceSeed.ToString() + " not approved in " + Attempts.ToString() + " attempts");
        }

        /// <summary>Acknowledge everything received, with retries; power cuts reboot the reader.</summary>
        public void Ack()
        {
            uint upTo = _ledger.Highest;
            if (upTo <= _ackedByHost)
            {
                return;
            }

            JournalAck ack = new JournalAck();
            ack.UpToCounter = upTo;
            for (int attempt = 0; attempt < Attempts; attempt++)
            {
                try
                {
                    ushort id = _h.Request(ack);
                    ReceivedFrame f = _h.Host.ResponseTo(id);
                    if (f != null && f.Header.IsAck)
                    {
                        _ackedByHost = upTo;
                        return;
                    }
                }
                catch (PowerCutException)
                {
                    Reboot();
                }
            }

            Unusable("acknowledgement through " + upTo.ToString() + " not accepted in " + Attempts.ToString() + " attempts");
        }

        private void Unusable(string why)
        {
            if (_unusable == null)
            {
                _unusable = why;
            }
        }

        private bool PayOnce(byte nonceSeed)
        {
            return TryPay(ReaderHarness.Purchase(100 + nonceSeed, nonceSeed));
        }

        private bool TryPay(AuthorizeRequest request)
        {
            _h.EnterPin("1234");
            ushort id = _h.Request(request);
            ReceivedFrame f = _h.Host.ResponseTo(id);
            if (f == null || f.Header.IsError || f.Header.IsNack)
            {
                // E.g. Error StorageFailure when the nonce lookup could not read the journal.
                return false;
            }

            AuthorizeResponse a = AuthorizeResponse.Decode(f.Payload, 0, f.Payload.Length);
            if (a.Status == AuthorizeStatus.Approved)
            {
                _ledger.Approved(a.Record);
                return true;
            }

            return false;
        }

        /// <summary>Power back on (or cycle it) and boot until the reader comes up (a boot that fails is retried, as the app's Program does).</summary>
        public void Reboot()
        {
            _h.Store.PowerOn();
            for (int i = 0; i < BootAttempts; i++)
            {
                try
                {
                    // What the app's Program does at every boot: build the core, then look for the card-keys drop file.
                    _h.Reboot();
                    _h.Reader.InstallCardKeysFromDropFile();
                    break;
                }
                catch (PowerCutException)
                {
                    _h.Store.PowerOn();
                }
                catch (IOException)
                {
                    // The app waits and reboots.
                }
            }

            _h.Present(_card);
        }

        // The host reads the whole journal in chunks; every record goes into the ledger. Null when a read fails.
        private Hashtable ReadJournal()
        {
            Hashtable counters = new Hashtable();
            JournalRead read = new JournalRead();
            for (int chunk = 0; chunk < 100; chunk++)
            {
                ushort id = _h.Request(read);
                ReceivedFrame f = _h.Host.ResponseTo(id);
                if (f == null || f.Header.IsError || f.Header.IsNack)
                {
                    return null;
                }

                JournalRecords records = JournalRecords.Decode(f.Payload, 0, f.Payload.Length);
                for (int i = 0; i < records.Records.Length; i++)
                {
                    _ledger.Received(records.Records[i]);
                    counters[records.Records[i].Counter] = true;
                }

                if (records.NextCounter == 0)
                {
                    return counters;
                }

                read = new JournalRead();
                read.FromCounter = records.NextCounter;
            }

            return null;
        }

        private string Why(string what)
        {
            return _ledger.Violation != null ? _ledger.Violation : what;
        }
    }
}
