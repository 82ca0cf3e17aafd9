using System;
using System.IO;
using MedCard.Firmware.Hardware;
using MedCard.Protocol;

namespace MedCard.Firmware.Storage
{
    /// <summary>
    /// Bounded ring of signed records the host has not acknowledged yet. Each record lives in its own file
    /// <c>jNN</c> (NN = slot 00..Capacity-1):
    /// <code>
    /// 'M' 'J' | counter u32 | length u16 | SignedRecord wire form | CRC-32 of everything before
    /// </code>
    /// The acknowledgement watermark and the chain head (counter and MAC of the newest signed record, so
    /// the chain survives an empty journal) live in the dual-slot file <c>jack</c>.
    /// <list type="bullet">
    /// <item>A record goes only into a free slot (empty, torn, or holding an acknowledged record); when
    /// every slot holds an unacknowledged record the journal is full and <see cref="Append"/> refuses:
    /// nothing unacknowledged is ever overwritten.</item>
    /// <item><see cref="Acknowledge"/> persists the watermark first, then deletes the files; a power cut
    /// in between leaves files the next boot recognises as acknowledged.</item>
    /// <item>A power cut while a record is written leaves a torn file that is ignored at boot: the record
    /// was never reported to the host (the response is sent after the append), so the host sees a gap.</item>
    /// <item>The host nonce of every unacknowledged record is indexed in RAM (8 bytes a slot, rebuilt at boot),
    /// so <see cref="TryFindByNonce"/> answers "was this transaction signed already?" without touching the
    /// store or allocating; spec rule 7 needs it because the response cache does not survive a reboot.</item>
    /// </list>
    /// </summary>
    public sealed class Journal
    {
        /// <summary>Default number of slots.</summary>
        public const int DefaultCapacity = 64;

        /// <summary>Base name of the acknowledgement file.</summary>
        public const string AckFileName = "jack";

        private const int HeaderSize = 8;
        private const int AckPayloadSize = 4 + 4 + SignedRecord.MacLength;

        // In a record's wire form the nonce sits just before the MAC: ... time u32 | hostNonce 8 | mac 16.
        private const int NonceFromEnd = SignedRecord.NonceLength + SignedRecord.MacLength;

        private readonly IByteStore _store;
        private readonly string[] _names;
        private readonly uint[] _counters;
        private readonly byte[] _nonces;
        private readonly DualSlotFile _ackFile;
        private readonly byte[] _ackImage;
        private readonly byte[] _recordImage = new byte[HeaderSize + SignedRecord.MaxEncodedLength + 4];
        private readonly byte[] _headMac = new byte[SignedRecord.MacLength];

        private uint _ackedThrough;
        private uint _headCounter;
        private int _count;

        // A slot whose last write failed after it may have landed (read-back error, error at flush): it can hold a
        // durable record the host was told failed. The next append goes there, so the file is overwritten before any
        // other slot is used, and a reboot that finds it first treats it as journaled (its nonce then answers retries).
        private int _unsureSlot = -1;

        /// <summary>Bind to the store with <paramref name="capacity"/> slots (1..100) and load the index.</summary>
        public Journal(IByteStore store, int capacity)
        {
            if (store == null)
            {
                throw new ArgumentNullException("store");
            }

            if (capacity < 1 || capacity > 100)
            {
                throw new ArgumentOutOfRangeException("capacity");
            }

            _store = store;
            _names = new string[capacity];
            for (int i = 0; i < capacity; i++)
            {
                _names[i] = "j" + (i < 10 ? "0" : string.Empty) + i.ToString();
            }

            _counters = new uint[capacity];
            _nonces = new byte[capacity * SignedRecord.NonceLength];
            _ackFile = new DualSlotFile(store, AckFileName, AckPayloadSize);
            _ackImage = new byte[_ackFile.ImageSize];
            Load();
        }

        /// <summary>Number of slots.</summary>
        public int Capacity
        {
            get { return _counters.Length; }
        }

        /// <summary>Unacknowledged records held.</summary>
        public int Count
        {
            get { return _count; }
        }

        /// <summary>True when a new record would have nowhere to go.</summary>
        public bool IsFull
        {
            get { return _count >= _counters.Length; }
        }

        /// <summary>Highest counter acknowledged by the host.</summary>
        public uint AckedThrough
        {
            get { return _ackedThrough; }
        }

        /// <summary>Counter of the newest signed record known (journaled or acknowledged); 0 = none.</summary>
        public uint LatestCounter
        {
            get { return _headCounter; }
        }

        /// <summary>Lowest unacknowledged counter held, 0 when empty.</summary>
        public uint OldestCounter
        {
            get
            {
                uint oldest = 0;
                for (int i = 0; i < _counters.Length; i++)
                {
                    uint c = _counters[i];
                    if (c != 0 && (oldest == 0 || c < oldest))
                    {
                        oldest = c;
                    }
                }

                return oldest;
            }
        }

        /// <summary>Copy the MAC of the newest signed record (zeros when none) into mac[off..+16).</summary>
        public void CopyHeadMac(byte[] mac, int off)
        {
            Array.Copy(_headMac, 0, mac, off, SignedRecord.MacLength);
        }

        /// <summary>
        /// Store a signed record durably (written and read back). Refuses with JournalFull when every slot
        /// holds an unacknowledged record, WriteFailed when the store fails (the slot stays free).
        /// </summary>
        public StorageStatus Append(SignedRecord record)
        {
            int slot = _unsureSlot >= 0 ? _unsureSlot : FreeSlot();
            if (slot < 0)
            {
                return StorageStatus.JournalFull;
            }

            int length = record.Encode(_recordImage, HeaderSize);
            _recordImage[0] = (byte)'M';
            _recordImage[1] = (byte)'J';
            BigEndian.WriteUInt32(_recordImage, 2, record.Counter);
            BigEndian.WriteUInt16(_recordImage, 6, (ushort)length);
            uint crc = Crc32.Compute(_recordImage, 0, HeaderSize + length);
            BigEndian.WriteUInt32(_recordImage, HeaderSize + length, crc);
            int total = HeaderSize + length + 4;

            try
            {
                _store.Write(_names[slot], _recordImage, 0, total);
                int readLength = ReadSlot(slot);
                if (readLength != length || BigEndian.ReadUInt32(_recordImage, 2) != record.Counter)
                {
                    return Unsure(slot);
                }
            }
            catch (IOException)
            {
                return Unsure(slot);
            }

            if (slot == _unsureSlot)
            {
                _unsureSlot = -1;
            }

            _counters[slot] = record.Counter;
            Array.Copy(record.HostNonce, 0, _nonces, slot * SignedRecord.NonceLength, SignedRecord.NonceLength);
            _count++;
            if (record.Counter > _headCounter)
            {
                _headCounter = record.Counter;
                Array.Copy(record.Mac, 0, _headMac, 0, SignedRecord.MacLength);
            }

            return StorageStatus.Ok;
        }

        /// <summary>
        /// The host has every record with counter &lt;= upToCounter: persist the watermark (with the chain
        /// head when it is being acknowledged) and prune the files. Acknowledging an already pruned range
        /// is a no-op. The caller rejects upToCounter beyond <see cref="LatestCounter"/> beforehand.
        /// </summary>
        public StorageStatus Acknowledge(uint upToCounter)
        {
            if (upToCounter > _ackedThrough)
            {
                int p = DualSlotFile.PayloadOffset;
                BigEndian.WriteUInt32(_ackImage, p, upToCounter);
                BigEndian.WriteUInt32(_ackImage, p + 4, _headCounter);
                Array.Copy(_headMac, 0, _ackImage, p + 8, SignedRecord.MacLength);
                try
                {
                    _ackFile.Save(_ackImage, AckPayloadSize);
                }
                catch (IOException)
                {
                    return StorageStatus.WriteFailed;
                }

                _ackedThrough = upToCounter;
            }

            for (int i = 0; i < _counters.Length; i++)
            {
                if (_counters[i] != 0 && _counters[i] <= _ackedThrough)
                {
                    _counters[i] = 0;
                    Array.Clear(_nonces, i * SignedRecord.NonceLength, SignedRecord.NonceLength);
                    _count--;
                    TryDelete(i);
                }
            }

            return StorageStatus.Ok;
        }

        /// <summary>
        /// True when an unacknowledged record carries this host nonce (8 bytes at nonce[off]). <paramref name="record"/>
        /// is that record read back from the store, or null when its file no longer reads back (the caller must then
        /// refuse rather than sign again). Nothing is allocated unless the nonce is found.
        /// </summary>
        public bool TryFindByNonce(byte[] nonce, int off, out SignedRecord record)
        {
            record = null;
            if (nonce == null || off < 0 || off + SignedRecord.NonceLength > nonce.Length)
            {
                return false;
            }

            for (int slot = 0; slot < _counters.Length; slot++)
            {
                if (_counters[slot] != 0 && SameNonce(slot, nonce, off))
                {
                    record = LoadRecord(slot);
                    if (record != null && record.Counter != _counters[slot])
                    {
                        record = null;
                    }

                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// Fill <paramref name="output"/> with the held records whose counter is in [from, to], in increasing
        /// order, at most output.Length of them. Returns how many; <paramref name="nextCounter"/> is the
        /// counter of the first record in range that did not fit, 0 when the range is complete.
        /// </summary>
        public int Read(uint fromCounter, uint toCounter, SignedRecord[] output, out uint nextCounter)
        {
            nextCounter = 0;
            int n = 0;
            uint cursor = fromCounter;
            while (true)
            {
                int slot = LowestSlotAtOrAbove(cursor, toCounter);
                if (slot < 0)
                {
                    return n;
                }

                uint counter = _counters[slot];
                if (n == output.Length)
                {
                    nextCounter = counter;
                    return n;
                }

                SignedRecord record = LoadRecord(slot);
                if (record != null)
                {
                    output[n++] = record;
                }

                if (counter == uint.MaxValue)
                {
                    return n;
                }

                cursor = counter + 1;
            }
        }

        /// <summary>Delete every record and the acknowledgement file (factory wipe; the counter is kept elsewhere).</summary>
        public void Wipe()
        {
            for (int i = 0; i < _counters.Length; i++)
            {
                TryDelete(i);
                _counters[i] = 0;
            }

            _ackFile.Erase();
            _unsureSlot = -1;
            Array.Clear(_nonces, 0, _nonces.Length);
            _count = 0;
            _ackedThrough = 0;
            _headCounter = 0;
            Array.Clear(_headMac, 0, _headMac.Length);
        }

        private void Load()
        {
            int ackLength = _ackFile.Load(_ackImage);
            if (ackLength == AckPayloadSize)
            {
                int p = DualSlotFile.PayloadOffset;
                _ackedThrough = BigEndian.ReadUInt32(_ackImage, p);
                _headCounter = BigEndian.ReadUInt32(_ackImage, p + 4);
                Array.Copy(_ackImage, p + 8, _headMac, 0, SignedRecord.MacLength);
            }

            for (int i = 0; i < _counters.Length; i++)
            {
                int length = ReadSlot(i);
                if (length < 0)
                {
                    continue;
                }

                uint counter = BigEndian.ReadUInt32(_recordImage, 2);
                if (counter > _headCounter)
                {
                    SignedRecord record = DecodeImage(length);
                    if (record != null)
                    {
                        _headCounter = counter;
                        Array.Copy(record.Mac, 0, _headMac, 0, SignedRecord.MacLength);
                    }
                }

                if (counter > _ackedThrough)
                {
                    _counters[i] = counter;
                    Array.Copy(_recordImage, HeaderSize + length - NonceFromEnd, _nonces, i * SignedRecord.NonceLength, SignedRecord.NonceLength);
                    _count++;
                }
            }
        }

        // The record may be in the file or not: try to remove it (the host was told the signing failed), else remember the
        // slot so the next append overwrites it.
        private StorageStatus Unsure(int slot)
        {
            _unsureSlot = slot;
            try
            {
                _store.Delete(_names[slot]);
                _unsureSlot = -1;
            }
            catch (IOException)
            {
            }

            return StorageStatus.WriteFailed;
        }

        private bool SameNonce(int slot, byte[] nonce, int off)
        {
            int p = slot * SignedRecord.NonceLength;
            for (int i = 0; i < SignedRecord.NonceLength; i++)
            {
                if (_nonces[p + i] != nonce[off + i])
                {
                    return false;
                }
            }

            return true;
        }

        private int FreeSlot()
        {
            for (int i = 0; i < _counters.Length; i++)
            {
                if (_counters[i] == 0)
                {
                    return i;
                }
            }

            return -1;
        }

        private int LowestSlotAtOrAbove(uint from, uint to)
        {
            int best = -1;
            for (int i = 0; i < _counters.Length; i++)
            {
                uint c = _counters[i];
                if (c != 0 && c >= from && c <= to && (best < 0 || c < _counters[best]))
                {
                    best = i;
                }
            }

            return best;
        }

        private SignedRecord LoadRecord(int slot)
        {
            int length = ReadSlot(slot);
            return length < 0 ? null : DecodeImage(length);
        }

        private SignedRecord DecodeImage(int length)
        {
            SignedRecord record;
            return SignedRecord.TryDecode(_recordImage, HeaderSize, length, out record) == DecodeStatus.Ok ? record : null;
        }

        // Reads a slot file into _recordImage; returns the record length, or -1 when missing or damaged.
        private int ReadSlot(int slot)
        {
            int total = _store.Read(_names[slot], _recordImage, 0);
            if (total < HeaderSize + 4 || total > _recordImage.Length)
            {
                return -1;
            }

            if (_recordImage[0] != (byte)'M' || _recordImage[1] != (byte)'J')
            {
                return -1;
            }

            int length = BigEndian.ReadUInt16(_recordImage, 6);
            if (length < SignedRecord.FixedEncodedLength || HeaderSize + length + 4 != total)
            {
                return -1;
            }

            uint crc = Crc32.Compute(_recordImage, 0, HeaderSize + length);
            return crc == BigEndian.ReadUInt32(_recordImage, HeaderSize + length) ? length : -1;
        }

        private void TryDelete(int slot)
        {
            try
            {
                _store.Delete(_names[slot]);
            }
            catch (IOException)
            {
                // A leftover file is harmless: its counter is at or below the watermark.
            }
        }
    }
}
