using System.Collections;
using MedCard.Protocol;

namespace MedCard.Firmware.Tests
{
    /// <summary>
    /// Every signed record that ever left the reader (in an approval or a journal read), kept as the host would, to
    /// check the counter's promises: one counter value, one record (a value signed twice is two different records under
    /// one counter); one host nonce, one counter; approvals never go back (a record sent again as a replay is the same
    /// record, not a new signature).
    /// </summary>
    public sealed class SignatureLedger
    {
        private readonly Hashtable _byCounter = new Hashtable();
        private readonly Hashtable _counterByNonce = new Hashtable();
        private readonly ArrayList _records = new ArrayList();
        private uint _highestApproved;

        /// <summary>The first broken promise, or null.</summary>
        public string Violation;

        /// <summary>Highest counter received.</summary>
        public uint Highest;

        /// <summary>Records received (each counter once).</summary>
        public int Count
        {
            get { return _records.Count; }
        }

        /// <summary>Record number <paramref name="i"/> in the order first received.</summary>
        public SignedRecord Record(int i)
        {
            return (SignedRecord)_records[i];
        }

        /// <summary>An approval carried this record.</summary>
        public void Approved(SignedRecord record)
        {
            bool known = Received(record);
            if (!known && record.Counter <= _highestApproved)
            {
                Fail("approval with counter " + record.Counter.ToString() + " after " + _highestApproved.ToString() + " was approved");
            }

            if (record.Counter > _highestApproved)
            {
                _highestApproved = record.Counter;
            }
        }

        /// <summary>A record arrived (approval or journal read); returns true when it was already known, identical.</summary>
        public bool Received(SignedRecord record)
        {
            SignedRecord earlier = (SignedRecord)_byCounter[record.Counter];
            if (earlier != null)
            {
                if (!SameBytes(earlier.Mac, record.Mac))
                {
                    Fail("counter " + record.Counter.ToString() + " signed twice");
                }

                return true;
            }

            string nonce = Hex(record.HostNonce);
            object counter = _counterByNonce[nonce];
            if (counter != null && (uint)counter != record.Counter)
            {
                Fail("host nonce " + nonce + " signed under counters " + ((uint)counter).ToString() + " and " + record.Counter.ToString());
            }

            _byCounter[record.Counter] = record;
            _counterByNonce[nonce] = record.Counter;
            _records.Add(record);
            if (record.Counter > Highest)
            {
                Highest = record.Counter;
            }

            return false;
        }

        private void Fail(string why)
        {
            if (Violation == null)
            {
                Violation = why;
            }
        }

        private static bool SameBytes(byte[] a, byte[] b)
        {
            if (a.Length != b.Length)
            {
                return false;
            }

            for (int i = 0; i < a.Length; i++)
            {
                if (a[i] != b[i])
                {
                    return false;
                }
            }

            return true;
        }

        private static string Hex(byte[] bytes)
        {
            const string digits = "0123456789ABCDEF";
            char[] c = new char[bytes.Length * 2];
            for (int i = 0; i < bytes.Length; i++)
            {
                c[2 * i] = digits[bytes[i] >> 4];
                c[(2 * i) + 1] = digits[bytes[i] & 0xF];
            }

            return new string(c);
        }
    }
}
