using System;
using MedCard.Firmware.Hardware;

namespace MedCard.Firmware.Tests.Fakes
{
    /// <summary>
    /// Both ends of the serial line in memory: what the host side queues is what the reader reads, and what the reader
    /// writes is collected for the host side. Fixed buffers (compacted as they drain).
    /// </summary>
    public sealed class FakeHostLink : IHostLink
    {
        private readonly byte[] _toReader = new byte[8192];
        private int _toReaderStart;
        private int _toReaderEnd;
        private readonly byte[] _fromReader = new byte[65536];
        private int _fromReaderLength;

        public int BytesAvailable
        {
            get { return _toReaderEnd - _toReaderStart; }
        }

        public int Read(byte[] buffer, int offset, int count)
        {
            int n = BytesAvailable < count ? BytesAvailable : count;
            Array.Copy(_toReader, _toReaderStart, buffer, offset, n);
            _toReaderStart += n;
            if (_toReaderStart == _toReaderEnd)
            {
                _toReaderStart = 0;
                _toReaderEnd = 0;
            }

            return n;
        }

        public void Write(byte[] data, int offset, int count)
        {
            Array.Copy(data, offset, _fromReader, _fromReaderLength, count);
            _fromReaderLength += count;
        }

        /// <summary>Host side: queue bytes for the reader.</summary>
        public void HostWrite(byte[] data, int offset, int count)
        {
            Array.Copy(data, offset, _toReader, _toReaderEnd, count);
            _toReaderEnd += count;
        }

        /// <summary>Host side: take everything the reader has written so far.</summary>
        public int HostTake(byte[] buffer)
        {
            int n = _fromReaderLength;
            Array.Copy(_fromReader, buffer, n);
            _fromReaderLength = 0;
            return n;
        }
    }
}
