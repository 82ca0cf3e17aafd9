using System.IO;
using MedCard.Firmware.Hardware;
using MedCard.Protocol;

namespace MedCard.Firmware.Storage
{
    /// <summary>
    /// The signed offline transaction counter, kept in the dual-slot file <c>ctr</c> (payload: the last
    /// reserved value, u32 BE). <see cref="TryReserve"/> persists value+1 and only then hands it out, so
    /// a value is used for signing only once it is durable: a power cut at any byte of any write can
    /// leave a gap (a reserved value never used) but never a repeat.
    /// The file is never deleted, not even by a factory wipe, so the counter never restarts: not under
    /// the same reader id, and not under a new one either.
    /// </summary>
    public sealed class TransactionCounter
    {
        /// <summary>Base name of the counter files.</summary>
        public const string FileName = "ctr";

        private readonly DualSlotFile _file;
        private readonly byte[] _image;
        private uint _last;

        /// <summary>Bind to the store and load the last reserved value.</summary>
        public TransactionCounter(IByteStore store)
        {
            _file = new DualSlotFile(store, FileName, 4);
            _image = new byte[_file.ImageSize];
            Reload();
        }

        /// <summary>The last value handed out (or reserved before a power cut); 0 on a new reader.</summary>
        public uint Last
        {
            get { return _last; }
        }

        /// <summary>
        /// Re-read the files. The in-memory value never goes down: if the files were damaged behind our
        /// back, the higher value we already handed out still counts.
        /// </summary>
        public void Reload()
        {
            int length = _file.Load(_image);
            uint stored = length == 4 ? BigEndian.ReadUInt32(_image, DualSlotFile.PayloadOffset) : 0;
            if (stored > _last)
            {
                _last = stored;
            }
        }

        /// <summary>
        /// Persist and return the next counter value. Returns <see cref="StorageStatus.Ok"/> with the value,
        /// or a failure status with <paramref name="value"/> = 0 (nothing may be signed then).
        /// </summary>
        public StorageStatus TryReserve(out uint value)
        {
            value = 0;
            if (_last == uint.MaxValue)
            {
                return StorageStatus.CounterExhausted;
            }

            uint next = _last + 1;
            if (!Persist(next))
            {
                return StorageStatus.WriteFailed;
            }

            _last = next;
            value = next;
            return StorageStatus.Ok;
        }

        /// <summary>
        /// Make sure every later value is above <paramref name="floor"/> (the highest counter found in the
        /// journal), persisting it if needed: defends against both counter slots being lost while signed
        /// records survive. Even when persisting fails the floor holds in memory, and the next
        /// reservation persists a value above it before handing it out. Returns false on a write failure.
        /// </summary>
        public bool RaiseFloor(uint floor)
        {
            if (floor <= _last)
            {
                return true;
            }

            bool persisted = Persist(floor);
            _last = floor;
            return persisted;
        }

        private bool Persist(uint value)
        {
            BigEndian.WriteUInt32(_image, DualSlotFile.PayloadOffset, value);
            try
            {
                _file.Save(_image, 4);
                return true;
            }
            catch (IOException)
            {
                // The write may or may not have landed: re-read (never lowering the value in memory);
                // `value` itself is not handed out.
                try
                {
                    Reload();
                }
                catch (IOException)
                {
                    // Keep the in-memory value; the next reservation writes a higher value anyway.
                }

                return false;
            }
        }
    }
}
