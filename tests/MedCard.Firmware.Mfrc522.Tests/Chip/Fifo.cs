namespace MedCard.Firmware.Mfrc522.Tests.Chip
{
    /// <summary>
    /// The 64-byte FIFO buffer (rev 3.9 section 8.3): FIFODataReg pushes and pops, FIFOLevelReg reports the count,
    /// FlushBuffer empties it. Writing to a full FIFO loses the byte and sets ErrorReg BufferOvfl (8.3.4, 9.3.1.7).
    /// Reading an empty FIFO is not described by the datasheet; the model returns 00h and leaves the level at 0.
    /// </summary>
    public sealed class Fifo
    {
        /// <summary>FIFO size in bytes.</summary>
        public const int Capacity = 64;

        private readonly byte[] _data = new byte[Capacity];
        private int _head;

        /// <summary>Bytes stored.</summary>
        public int Count { get; private set; }

        /// <summary>Push one byte; false (and nothing stored) when full.</summary>
        public bool Push(byte value)
        {
            if (Count == Capacity)
            {
                return false;
            }

            _data[(_head + Count) % Capacity] = value;
            Count++;
            return true;
        }

        /// <summary>Pop one byte (00h when empty).</summary>
        public byte Pop()
        {
            if (Count == 0)
            {
                return 0x00;
            }

            byte value = _data[_head];
            _head = (_head + 1) % Capacity;
            Count--;
            return value;
        }

        /// <summary>Pop everything.</summary>
        public byte[] Drain()
        {
            byte[] all = new byte[Count];
            for (int i = 0; i < all.Length; i++)
            {
                all[i] = Pop();
            }

            return all;
        }

        /// <summary>FIFOLevelReg FlushBuffer: clear the read and write pointers.</summary>
        public void Flush()
        {
            _head = 0;
            Count = 0;
        }
    }
}
