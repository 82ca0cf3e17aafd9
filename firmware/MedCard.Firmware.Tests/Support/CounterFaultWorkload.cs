using System.IO;
using MedCard.Firmware.Storage;
using MedCard.Firmware.Tests.Fakes;

namespace MedCard.Firmware.Tests
{
    /// <summary>
    /// The transaction counter alone under storage faults (no journal to raise a floor, so every weakness of the dual-slot
    /// file shows): the armed part is <see cref="Transactions"/> times "reserve (up to 3 attempts, as the host retries a
    /// failed authorization), then switch the reader off and on"; a power cut reboots at once (a new counter over the same
    /// store; a boot that fails is retried). The planned reboot after each transaction is what exposes a belief that only
    /// RAM held. Finish: two more reservations must succeed, every transaction of the armed part must have got a value
    /// within its attempts, and every value ever handed out (the history's included) must be strictly above every earlier
    /// one. Starts from 4 reservations already made (both slots hold a value).
    /// </summary>
    public sealed class CounterFaultWorkload : IFaultWorkload
    {
        private const int HistoryReservations = 4;
        private const int BootAttempts = 4;
        private const int Attempts = 3;

        private FakeByteStore _store;
        private TransactionCounter _counter;
        private uint _highest;
        private string _violation;

        /// <summary>Transactions in the armed part.</summary>
        public int Transactions = 3;

        /// <summary>The starting store: 4 values reserved.</summary>
        public static FakeByteStore History()
        {
            FakeByteStore store = new FakeByteStore();
            TransactionCounter counter = new TransactionCounter(store);
            for (int i = 0; i < HistoryReservations; i++)
            {
                uint v;
                counter.TryReserve(out v);
            }

            return store;
        }

        public void Start(FakeByteStore store)
        {
            _store = store;
            _counter = new TransactionCounter(store);
            _highest = HistoryReservations;
            _violation = null;
        }

        public void RunArmed()
        {
            for (int t = 0; t < Transactions; t++)
            {
                bool reserved = false;
                for (int attempt = 0; attempt < Attempts && !reserved; attempt++)
                {
                    try
                    {
                        reserved = Reserve();
                    }
                    catch (PowerCutException)
                    {
                        Reboot();
                    }
                    catch (IOException)
                    {
                        // A reservation never throws (it answers WriteFailed).
                        Violate("TryReserve threw IOException");
                    }
                }

                if (!reserved)
                {
                    Violate("transaction " + t.ToString() + " got no value in " + Attempts.ToString() + " attempts");
                }

                Reboot();
            }
        }

        public string Finish()
        {
            if (_store.PoweredOff)
            {
                Reboot();
            }

            for (int i = 0; i < 2; i++)
            {
                if (!Reserve())
                {
                    return _violation != null ? _violation : "no reservation once the errors cleared";
                }
            }

            return _violation;
        }

        private bool Reserve()
        {
            uint v;
            if (_counter.TryReserve(out v) != StorageStatus.Ok)
            {
                return false;
            }

            if (v <= _highest)
            {
                Violate("value " + v.ToString() + " handed out after " + _highest.ToString());
            }

            if (v > _highest)
            {
                _highest = v;
            }

            return true;
        }

        private void Violate(string why)
        {
            if (_violation == null)
            {
                _violation = why;
            }
        }

        private void Reboot()
        {
            _store.PowerOn();
            for (int i = 0; i < BootAttempts; i++)
            {
                try
                {
                    _counter = new TransactionCounter(_store);
                    return;
                }
                catch (PowerCutException)
                {
                    _store.PowerOn();
                }
                catch (IOException)
                {
                    // The app waits and reboots.
                }
            }
        }
    }
}
