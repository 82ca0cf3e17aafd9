using System;
using System.IO;
using MedCard.Firmware.Hardware;
using MedCard.Protocol;

namespace MedCard.Firmware.Storage
{
    /// <summary>
    /// One record kept crash-safe in two alternating files, <c>name.0</c> and <c>name.1</c>. Each holds
    /// <code>
    /// offset 0  magic 'M' 'S'            2 bytes
    ///        2  sequence number (BE)     4 bytes
    ///        6  payload length (BE)      2 bytes
    ///        8  payload                  n bytes
    ///      8+n  CRC-32 of bytes 0..8+n   4 bytes
    /// </code>
    /// A save always overwrites the slot that does NOT hold the newest valid copy, with sequence+1, then
    /// reads it back and checks it. A power cut during the write can only damage that slot; the other
    /// still holds the previous value, and the loader ignores any slot whose length, magic or CRC is
    /// wrong. So after any interruption a load returns the old or the new value, never garbage.
    /// <para>The caller owns the "image" buffer (<see cref="ImageSize"/> bytes, payload at
    /// <see cref="PayloadOffset"/>): no second copy is kept, which matters for the 8 KB hotlist.</para>
    /// </summary>
    public sealed class DualSlotFile
    {
        /// <summary>Where the payload starts inside an image buffer.</summary>
        public const int PayloadOffset = 8;

        /// <summary>Bytes an image needs beyond its payload.</summary>
        public const int Overhead = PayloadOffset + 4;

        private const byte Magic0 = (byte)'M';
        private const byte Magic1 = (byte)'S';

        private readonly IByteStore _store;
        private readonly string[] _names;

        private bool _loaded;
        private int _currentSlot = -1;
        private uint _sequence;

        /// <summary>Bind to <paramref name="name"/>.0/.1 holding payloads of at most <paramref name="maxPayload"/> bytes.</summary>
        public DualSlotFile(IByteStore store, string name, int maxPayload)
        {
            if (store == null)
            {
                throw new ArgumentNullException("store");
            }

            if (name == null || name.Length == 0 || maxPayload <= 0 || maxPayload > 0xFFFF)
            {
                throw new ArgumentException("name/maxPayload");
            }

            _store = store;
            _names = new string[] { name + ".0", name + ".1" };
            MaxPayload = maxPayload;
        }

        /// <summary>Largest payload this file holds.</summary>
        public int MaxPayload { get; }

        /// <summary>Size of the image buffer callers must pass.</summary>
        public int ImageSize
        {
            get { return MaxPayload + Overhead; }
        }

        /// <summary>Sequence number of the newest valid copy (0 when none).</summary>
        public uint Sequence
        {
            get { return _sequence; }
        }

        /// <summary>Which slot (0/1) holds the newest valid copy, -1 when none.</summary>
        public int CurrentSlot
        {
            get { return _currentSlot; }
        }

        /// <summary>
        /// Read both slots; leave the newest valid copy in image (payload at <see cref="PayloadOffset"/>)
        /// and return its payload length, or -1 when neither slot is valid (never written, or both destroyed).
        /// </summary>
        public int Load(byte[] image)
        {
            CheckImage(image);

            // Nothing about the slots is believed until both were read: a read that throws half way must leave
            // the file "not loaded" (the next save loads again), never "loaded, empty" - an empty belief makes the
            // next save write slot 0 with sequence 1, which loses to the stale slot at the next boot.
            _loaded = false;
            uint sequence0;
            int length0 = ReadValid(0, image, out sequence0);
            uint sequence1;
            int length1 = ReadValid(1, image, out sequence1);

            if (length1 >= 0 && (length0 < 0 || sequence1 > sequence0))
            {
                Believe(1, sequence1);
                return length1;
            }

            if (length0 < 0)
            {
                Believe(-1, 0);
                return -1;
            }

            // Slot 0 wins but slot 1 was read last: read slot 0 again (cheaper than a second buffer).
            uint again;
            int length = ReadValid(0, image, out again);
            if (length < 0 || again != sequence0)
            {
                throw new IOException("slot changed while loading");
            }

            Believe(0, sequence0);
            return length;
        }

        /// <summary>
        /// Persist image[PayloadOffset..PayloadOffset+payloadLength) as the new value (the header and CRC
        /// around it are filled in here). Returns only once the new copy has been written, read back into
        /// the same buffer and found intact; throws <see cref="IOException"/> otherwise, and the previous
        /// value is still what a load returns. After a failure the image content is undefined.
        /// </summary>
        public void Save(byte[] image, int payloadLength)
        {
            CheckImage(image);
            if (payloadLength < 0 || payloadLength > MaxPayload)
            {
                throw new ArgumentOutOfRangeException("payloadLength");
            }

            if (!_loaded)
            {
                FindCurrentSlot();
            }

            int target = _currentSlot == 0 ? 1 : 0;
            uint sequence = _sequence + 1;

            image[0] = Magic0;
            image[1] = Magic1;
            BigEndian.WriteUInt32(image, 2, sequence);
            BigEndian.WriteUInt16(image, 6, (ushort)payloadLength);
            uint crc = Crc32.Compute(image, 0, PayloadOffset + payloadLength);
            BigEndian.WriteUInt32(image, PayloadOffset + payloadLength, crc);
            int total = PayloadOffset + payloadLength + 4;

            // Until the read-back succeeds we do not know what the target slot holds.
            _loaded = false;
            _store.Write(_names[target], image, 0, total);

            uint readSequence;
            int readLength = ReadValid(target, image, out readSequence);
            if (readLength != payloadLength || readSequence != sequence)
            {
                throw new IOException("read-back of " + _names[target] + " failed");
            }

            Believe(target, sequence);
        }

        /// <summary>Delete both slots.</summary>
        public void Erase()
        {
            // A delete that throws leaves one slot or both: unknown until the next load.
            _loaded = false;
            _store.Delete(_names[0]);
            _store.Delete(_names[1]);
            Believe(-1, 0);
        }

        // The only place the belief about the slots changes: after the reads or writes that prove it succeeded.
        private void Believe(int slot, uint sequence)
        {
            _currentSlot = slot;
            _sequence = sequence;
            _loaded = true;
        }

        // Which slot is current, without a payload buffer: headers only need the whole file, so use a
        // small probe per slot (files are read whole by IByteStore; the payload is discarded).
        private void FindCurrentSlot()
        {
            byte[] probe = new byte[ImageSize];
            Load(probe);
            Array.Clear(probe, 0, probe.Length);
        }

        private void CheckImage(byte[] image)
        {
            if (image == null || image.Length < ImageSize)
            {
                throw new ArgumentException("image buffer smaller than ImageSize");
            }
        }

        private int ReadValid(int slot, byte[] image, out uint sequence)
        {
            sequence = 0;
            int length = _store.Read(_names[slot], image, 0);
            if (length < Overhead || length > ImageSize)
            {
                return -1;
            }

            if (image[0] != Magic0 || image[1] != Magic1)
            {
                return -1;
            }

            int payloadLength = BigEndian.ReadUInt16(image, 6);
            if (payloadLength + Overhead != length)
            {
                return -1;
            }

            uint crc = Crc32.Compute(image, 0, PayloadOffset + payloadLength);
            if (crc != BigEndian.ReadUInt32(image, PayloadOffset + payloadLength))
            {
                return -1;
            }

            sequence = BigEndian.ReadUInt32(image, 2);
            return payloadLength;
        }
    }
}
