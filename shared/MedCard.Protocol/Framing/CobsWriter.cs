namespace MedCard.Protocol
{
    /// <summary>
    /// Incremental COBS encoder writing into a caller buffer: lets the frame encoder stuff header, payload and
    /// CRC in one pass without first copying them into a scratch buffer. The caller guarantees room
    /// (<see cref="Cobs.MaxEncodedLength"/>); the writer does not check.
    /// </summary>
    internal struct CobsWriter
    {
        private readonly byte[] _dst;
        private readonly int _start;
        private int _codePos;
        private int _pos;
        private byte _code;
        private bool _lastClosedWasFull;

        public CobsWriter(byte[] dst, int off)
        {
            _dst = dst;
            _start = off;
            _lastClosedWasFull = false;
            _codePos = off;
            _pos = off + 1;
            _code = 1;
        }

        public void Put(byte b)
        {
            if (b == 0)
            {
                CloseBlock();
                return;
            }

            _dst[_pos++] = b;
            _code++;
            if (_code == 0xFF)
            {
                CloseBlock();
            }
        }

        public void Put(byte[] src, int off, int count)
        {
            int end = off + count;
            for (int i = off; i < end; i++)
            {
                Put(src[i]);
            }
        }

        /// <summary>Closes the last block and returns the encoded length (no delimiter).</summary>
        public int Finish()
        {
            // A block closed by reaching 254 data bytes right at the end needs no trailing 0x01 code:
            // the decoder knows a 0xFF block carries no implicit zero. This keeps the encoding minimal.
            if (_code == 1 && _pos == _codePos + 1 && _lastClosedWasFull)
            {
                return _codePos - _start;
            }

            _dst[_codePos] = _code;
            return _pos - _start;
        }

        private void CloseBlock()
        {
            _lastClosedWasFull = _code == 0xFF;
            _dst[_codePos] = _code;
            _codePos = _pos++;
            _code = 1;
        }
    }
}
