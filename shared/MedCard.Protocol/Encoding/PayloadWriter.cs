namespace MedCard.Protocol
{
    /// <summary>
    /// Cursor for encoding a payload into a caller buffer. Running out of room is a programming error (buffers are
    /// sized from <see cref="FrameFormat.MaxPayloadSize"/>), so it throws ArgumentException.
    /// </summary>
    internal struct PayloadWriter
    {
        private readonly byte[] _buf;
        private readonly int _start;
        private int _pos;

        public PayloadWriter(byte[] buf, int off)
        {
            if (buf == null)
            {
                throw new System.ArgumentNullException("buf");
            }

            if (off < 0 || off > buf.Length)
            {
                throw new System.ArgumentOutOfRangeException("off");
            }

            _buf = buf;
            _start = off;
            _pos = off;
        }

        /// <summary>Bytes written so far.</summary>
        public int Length
        {
            get { return _pos - _start; }
        }

        private void Room(int n)
        {
            if (_buf.Length - _pos < n)
            {
                throw new System.ArgumentException("buffer too small for the message");
            }
        }

        public void WriteByte(byte value)
        {
            Room(1);
            _buf[_pos++] = value;
        }

        public void WriteUInt16(ushort value)
        {
            Room(2);
            BigEndian.WriteUInt16(_buf, _pos, value);
            _pos += 2;
        }

        public void WriteUInt32(uint value)
        {
            Room(4);
            BigEndian.WriteUInt32(_buf, _pos, value);
            _pos += 4;
        }

        public void WriteInt64(long value)
        {
            Room(8);
            BigEndian.WriteInt64(_buf, _pos, value);
            _pos += 8;
        }

        public void WriteBytes(byte[] src, int off, int count)
        {
            Room(count);
            System.Array.Copy(src, off, _buf, _pos, count);
            _pos += count;
        }

        /// <summary>Writes a u8 length then the bytes.</summary>
        public void WriteLengthPrefixed(byte[] src)
        {
            int n = src == null ? 0 : src.Length;
            if (n > 255)
            {
                throw new System.ArgumentException("field longer than 255 bytes");
            }

            WriteByte((byte)n);
            if (n > 0)
            {
                WriteBytes(src, 0, n);
            }
        }

        /// <summary>Writes a u8 length then the ASCII bytes of s (caller has validated s).</summary>
        public void WriteAscii(string s)
        {
            int n = s == null ? 0 : s.Length;
            if (n > 255)
            {
                throw new System.ArgumentException("field longer than 255 characters");
            }

            Room(1 + n);
            _buf[_pos++] = (byte)n;
            for (int i = 0; i < n; i++)
            {
                _buf[_pos++] = (byte)s[i];
            }
        }
    }
}
