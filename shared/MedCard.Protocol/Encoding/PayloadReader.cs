namespace MedCard.Protocol
{
    /// <summary>
    /// Bounds-checked cursor over a received payload. Reads past the end never throw: they return zeros and latch
    /// <see cref="DecodeStatus.Truncated"/>, so a decoder reads all its fields and checks <see cref="Finish"/> once.
    /// </summary>
    internal struct PayloadReader
    {
        private readonly byte[] _buf;
        private readonly int _end;
        private int _pos;
        private DecodeStatus _status;

        public PayloadReader(byte[] buf, int off, int count)
        {
            _buf = buf;
            _pos = off;
            _end = off + count;
            _status = DecodeStatus.Ok;
            // A null buffer is fine for an empty payload (StatusRequest, ACK frames).
            if (buf == null ? count != 0 : (off < 0 || count < 0 || off > buf.Length - count))
            {
                _status = DecodeStatus.Truncated;
                _end = off;
            }
        }

        public bool Ok
        {
            get { return _status == DecodeStatus.Ok; }
        }

        public int Remaining
        {
            get { return _status == DecodeStatus.Ok ? _end - _pos : 0; }
        }

        /// <summary>Marks the payload invalid (first failure wins).</summary>
        public void Fail(DecodeStatus status)
        {
            if (_status == DecodeStatus.Ok)
            {
                _status = status;
            }
        }

        private bool Take(int n)
        {
            if (_status != DecodeStatus.Ok)
            {
                return false;
            }

            if (n < 0 || _end - _pos < n)
            {
                _status = DecodeStatus.Truncated;
                return false;
            }

            return true;
        }

        public byte ReadByte()
        {
            if (!Take(1))
            {
                return 0;
            }

            return _buf[_pos++];
        }

        public ushort ReadUInt16()
        {
            if (!Take(2))
            {
                return 0;
            }

            ushort v = BigEndian.ReadUInt16(_buf, _pos);
            _pos += 2;
            return v;
        }

        public uint ReadUInt32()
        {
            if (!Take(4))
            {
                return 0;
            }

            uint v = BigEndian.ReadUInt32(_buf, _pos);
            _pos += 4;
            return v;
        }

        public long ReadInt64()
        {
            if (!Take(8))
            {
                return 0;
            }

            long v = BigEndian.ReadInt64(_buf, _pos);
            _pos += 8;
            return v;
        }

        /// <summary>Copies the next n bytes into a new array (null on failure).</summary>
        public byte[] ReadBytes(int n)
        {
            if (!Take(n))
            {
                return null;
            }

            byte[] result = new byte[n];
            if (n > 0)
            {
                System.Array.Copy(_buf, _pos, result, 0, n);
            }

            _pos += n;
            return result;
        }

        /// <summary>
        /// As <see cref="ReadBytes"/>, but copies into <paramref name="reuse"/> when it is exactly n bytes long, so a
        /// decoder that fills the same instance again allocates nothing (null on failure).
        /// </summary>
        public byte[] ReadBytesInto(byte[] reuse, int n)
        {
            if (reuse == null || reuse.Length != n)
            {
                return ReadBytes(n);
            }

            if (!Take(n))
            {
                return null;
            }

            System.Array.Copy(_buf, _pos, reuse, 0, n);
            _pos += n;
            return reuse;
        }

        /// <summary>Reads a u8 length (minLength..maxLength) then that many bytes.</summary>
        public byte[] ReadLengthPrefixed(int minLength, int maxLength)
        {
            int n = ReadLength(minLength, maxLength);
            if (n < 0)
            {
                return null;
            }

            return ReadBytes(n);
        }

        /// <summary>Reads a u8 length prefix; -1 (and the reader failed) when it is missing or outside
        /// [<paramref name="minLength"/>, <paramref name="maxLength"/>].</summary>
        private int ReadLength(int minLength, int maxLength)
        {
            int n = ReadByte();
            if (_status != DecodeStatus.Ok)
            {
                return -1;
            }

            if (n < minLength || n > maxLength)
            {
                Fail(DecodeStatus.InvalidField);
                return -1;
            }

            return n;
        }

        /// <summary>Reads a u8 length then that many printable-ASCII bytes as a string.</summary>
        public string ReadAscii(int minLength, int maxLength)
        {
            int n = ReadLength(minLength, maxLength);
            if (n < 0)
            {
                return null;
            }

            if (!Take(n))
            {
                return null;
            }

            string s = Ascii.GetString(_buf, _pos, n);
            _pos += n;
            if (s == null)
            {
                Fail(DecodeStatus.InvalidField);
            }

            return s;
        }

        /// <summary>As <see cref="ReadLengthPrefixed"/>, reusing <paramref name="reuse"/> when the length matches it.</summary>
        public byte[] ReadLengthPrefixedInto(byte[] reuse, int minLength, int maxLength)
        {
            int n = ReadLength(minLength, maxLength);
            if (n < 0)
            {
                return null;
            }

            return ReadBytesInto(reuse, n);
        }

        /// <summary>
        /// As <see cref="ReadAscii"/>, but returns <paramref name="current"/> itself when the bytes spell exactly it:
        /// strings are immutable, so the only allocation-free decode of an unchanged text field is keeping the old one.
        /// </summary>
        public string ReadAsciiReusing(string current, int minLength, int maxLength)
        {
            int n = ReadLength(minLength, maxLength);
            if (n < 0)
            {
                return null;
            }

            if (!Take(n))
            {
                return null;
            }

            if (current != null && current.Length == n)
            {
                bool same = true;
                for (int i = 0; i < n; i++)
                {
                    // current came from an earlier decode or the caller; a byte equal to a printable char is printable.
                    if (_buf[_pos + i] != current[i] || !Ascii.IsPrintable(current[i]))
                    {
                        same = false;
                        break;
                    }
                }

                if (same)
                {
                    _pos += n;
                    return current;
                }
            }

            string s = Ascii.GetString(_buf, _pos, n);
            _pos += n;
            if (s == null)
            {
                Fail(DecodeStatus.InvalidField);
            }

            return s;
        }

        /// <summary>Ok only if every read succeeded and the payload was consumed exactly.</summary>
        public DecodeStatus Finish()
        {
            if (_status == DecodeStatus.Ok && _pos != _end)
            {
                return DecodeStatus.TrailingBytes;
            }

            return _status;
        }
    }
}
