namespace MedCard.Protocol
{
    /// <summary>
    /// Streaming frame decoder. Feed it whatever the link delivers (one byte, half a frame, many frames); it
    /// un-stuffs COBS on the fly into one frame buffer, and at each 0x00 checks length, CRC and version and hands
    /// good frames to the <see cref="IFrameHandler"/>. After garbage it resynchronises at the next 0x00. Nothing is
    /// allocated after construction. Not thread-safe: feed from one thread.
    /// </summary>
    public sealed class FrameDecoder
    {
        /// <summary>Largest frame content accepted (header + payload + CRC); same as <see cref="FrameFormat.MaxFrameSize"/>.</summary>
        public const int MaxFrameSize = FrameFormat.MaxFrameSize;

        private readonly IFrameHandler _handler;
        private readonly byte[] _frame;

        // COBS state for the frame being received.
        private int _length;          // decoded bytes in _frame
        private int _blockRemaining;  // data bytes still expected in the current block; 0 = next byte is a code
        private bool _zeroPending;    // the current block ends with an implied zero (emitted only if more follows)
        private int _rawCount;        // stuffed bytes seen since the last delimiter
        private bool _discarding;     // frame already too long: skip to the next delimiter

        private uint _framesAccepted;
        private uint _droppedBytes;
        private uint _droppedBadCrc;
        private uint _droppedBadCobs;
        private uint _droppedTooLong;
        private uint _droppedTooShort;
        private uint _droppedUnknownVersion;

        /// <summary>Decoder with its own frame buffer of <see cref="FrameFormat.MaxFrameSize"/> bytes.</summary>
        public FrameDecoder(IFrameHandler handler)
            : this(handler, new byte[FrameFormat.MaxFrameSize])
        {
        }

        /// <summary>
        /// Decoder writing into a caller-owned frame buffer. Its length is the size limit (at most
        /// <see cref="FrameFormat.MaxFrameSize"/> is used).
        /// </summary>
        public FrameDecoder(IFrameHandler handler, byte[] frameBuffer)
        {
            if (handler == null)
            {
                throw new System.ArgumentNullException("handler");
            }

            if (frameBuffer == null)
            {
                throw new System.ArgumentNullException("frameBuffer");
            }

            if (frameBuffer.Length < FrameFormat.MinFrameSize)
            {
                throw new System.ArgumentException("frame buffer smaller than the minimum frame");
            }

            _handler = handler;
            _frame = frameBuffer;
            Reset();
        }

        /// <summary>Frames handed to the handler.</summary>
        public uint FramesAccepted
        {
            get { return _framesAccepted; }
        }

        /// <summary>Stuffed bytes of every dropped frame (delimiters excluded).</summary>
        public uint DroppedBytes
        {
            get { return _droppedBytes; }
        }

        /// <summary>Frames dropped for a CRC mismatch.</summary>
        public uint DroppedBadCrc
        {
            get { return _droppedBadCrc; }
        }

        /// <summary>Frames dropped for invalid COBS stuffing.</summary>
        public uint DroppedBadCobs
        {
            get { return _droppedBadCobs; }
        }

        /// <summary>Frames dropped for exceeding the maximum frame size.</summary>
        public uint DroppedTooLong
        {
            get { return _droppedTooLong; }
        }

        /// <summary>Frames dropped for being shorter than header + CRC.</summary>
        public uint DroppedTooShort
        {
            get { return _droppedTooShort; }
        }

        /// <summary>Frames dropped for a protocol version this code does not speak.</summary>
        public uint DroppedUnknownVersion
        {
            get { return _droppedUnknownVersion; }
        }

        /// <summary>All dropped frames, whatever the reason.</summary>
        public uint DroppedFrames
        {
            get { return _droppedBadCrc + _droppedBadCobs + _droppedTooLong + _droppedTooShort + _droppedUnknownVersion; }
        }

        /// <summary>Bytes received since the last delimiter (0 when idle between frames).</summary>
        public int PendingBytes
        {
            get { return _rawCount; }
        }

        /// <summary>Forgets a partly received frame without counting it (e.g. after the port was reopened).</summary>
        public void Reset()
        {
            _length = 0;
            _blockRemaining = 0;
            _zeroPending = false;
            _rawCount = 0;
            _discarding = false;
        }

        /// <summary>Sets every counter to zero.</summary>
        public void ResetCounters()
        {
            _framesAccepted = 0;
            _droppedBytes = 0;
            _droppedBadCrc = 0;
            _droppedBadCobs = 0;
            _droppedTooLong = 0;
            _droppedTooShort = 0;
            _droppedUnknownVersion = 0;
        }

        /// <summary>Feeds chunk[off .. off+count). Frames completed by these bytes are handled before it returns.</summary>
        public void Feed(byte[] chunk, int off, int count)
        {
            if (chunk == null)
            {
                throw new System.ArgumentNullException("chunk");
            }

            if (off < 0 || count < 0 || off > chunk.Length - count)
            {
                throw new System.ArgumentOutOfRangeException("count");
            }

            int end = off + count;
            for (int i = off; i < end; i++)
            {
                byte b = chunk[i];
                if (b == FrameFormat.Delimiter)
                {
                    EndOfFrame();
                }
                else
                {
                    Accept(b);
                }
            }
        }

        /// <summary>Feeds a single byte (for links that deliver byte by byte).</summary>
        public void FeedByte(byte b)
        {
            if (b == FrameFormat.Delimiter)
            {
                EndOfFrame();
            }
            else
            {
                Accept(b);
            }
        }

        private void Accept(byte b)
        {
            _rawCount++;
            if (_discarding)
            {
                _droppedBytes++;
                return;
            }

            if (_blockRemaining == 0)
            {
                // b is a code byte: the previous block's implied zero is real now that more data follows.
                if (_zeroPending && !Append(0))
                {
                    return;
                }

                _blockRemaining = b - 1;
                _zeroPending = b != 0xFF;
                return;
            }

            _blockRemaining--;
            Append(b);
        }

        private bool Append(byte b)
        {
            if (_length >= _frame.Length || _length >= FrameFormat.MaxFrameSize)
            {
                // Counted now rather than at the delimiter so a stream that never delimits still shows up.
                _discarding = true;
                _droppedTooLong++;
                _droppedBytes += (uint)_rawCount;
                _handler.OnFrameDropped(FrameDropReason.TooLong, _rawCount);
                return false;
            }

            _frame[_length++] = b;
            return true;
        }

        private void EndOfFrame()
        {
            int raw = _rawCount;
            if (raw == 0)
            {
                // Back-to-back delimiters are idle fill (senders may lead with 0x00 to flush a receiver).
                return;
            }

            bool discarding = _discarding;
            bool truncated = _blockRemaining != 0;
            int length = _length;
            Reset();

            if (discarding)
            {
                return;
            }

            if (truncated)
            {
                Drop(FrameDropReason.BadCobs, raw);
                return;
            }

            if (length < FrameFormat.MinFrameSize)
            {
                Drop(FrameDropReason.TooShort, raw);
                return;
            }

            int crcOff = length - FrameFormat.CrcSize;
            uint expected = ((uint)_frame[crcOff] << 24) | ((uint)_frame[crcOff + 1] << 16)
                | ((uint)_frame[crcOff + 2] << 8) | _frame[crcOff + 3];
            if (Crc32.Compute(_frame, 0, crcOff) != expected)
            {
                Drop(FrameDropReason.BadCrc, raw);
                return;
            }

            if (_frame[0] != FrameFormat.ProtocolVersion)
            {
                Drop(FrameDropReason.UnknownVersion, raw);
                return;
            }

            _framesAccepted++;
            FrameHeader header = FrameHeader.Read(_frame, 0);
            _handler.OnFrame(header, _frame, FrameFormat.HeaderSize, crcOff - FrameFormat.HeaderSize);
        }

        private void Drop(FrameDropReason reason, int raw)
        {
            _droppedBytes += (uint)raw;
            switch (reason)
            {
                case FrameDropReason.BadCrc:
                    _droppedBadCrc++;
                    break;
                case FrameDropReason.BadCobs:
                    _droppedBadCobs++;
                    break;
                case FrameDropReason.TooShort:
                    _droppedTooShort++;
                    break;
                case FrameDropReason.UnknownVersion:
                    _droppedUnknownVersion++;
                    break;
                default:
                    _droppedTooLong++;
                    break;
            }

            _handler.OnFrameDropped(reason, raw);
        }
    }
}
