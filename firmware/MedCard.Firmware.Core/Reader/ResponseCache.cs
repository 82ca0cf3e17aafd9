using System;
using MedCard.Protocol;

namespace MedCard.Firmware.Reader
{
    /// <summary>
    /// The last few answers, as the exact bytes sent, keyed by request id + request type + CRC-32 of the
    /// request payload. A retried request (same id, same bytes) gets the same bytes back and is not
    /// executed again, so a retried AuthorizeRequest never reserves a counter or signs twice. The same
    /// id with different bytes is a new request. Lives in RAM: a reboot empties it (see README).
    /// Fixed buffers, oldest entry replaced first.
    /// </summary>
    public sealed class ResponseCache
    {
        /// <summary>Default number of answers remembered.</summary>
        public const int DefaultSize = 4;

        private readonly ushort[] _requestIds;
        private readonly byte[] _types;
        private readonly uint[] _payloadCrcs;
        private readonly byte[][] _wire;
        private readonly int[] _lengths;
        private int _next;

        /// <summary>Remember up to <paramref name="size"/> answers.</summary>
        public ResponseCache(int size)
        {
            if (size < 1)
            {
                throw new ArgumentOutOfRangeException("size");
            }

            _requestIds = new ushort[size];
            _types = new byte[size];
            _payloadCrcs = new uint[size];
            _wire = new byte[size][];
            _lengths = new int[size];
            for (int i = 0; i < size; i++)
            {
                _wire[i] = new byte[FrameFormat.MaxEncodedFrameSize];
            }
        }

        /// <summary>Index of the cached answer to this request, or -1.</summary>
        public int Find(FrameHeader request, uint payloadCrc)
        {
            for (int i = 0; i < _lengths.Length; i++)
            {
                if (_lengths[i] > 0 && _requestIds[i] == request.RequestId && _types[i] == (byte)request.Type && _payloadCrcs[i] == payloadCrc)
                {
                    return i;
                }
            }

            return -1;
        }

        /// <summary>The cached wire bytes of entry <paramref name="index"/>.</summary>
        public byte[] Wire(int index)
        {
            return _wire[index];
        }

        /// <summary>Length of entry <paramref name="index"/>.</summary>
        public int Length(int index)
        {
            return _lengths[index];
        }

        /// <summary>Remember the answer wire[0..length) to this request, replacing any entry for the same id and type.</summary>
        public void Store(FrameHeader request, uint payloadCrc, byte[] wire, int length)
        {
            int slot = -1;
            for (int i = 0; i < _lengths.Length; i++)
            {
                if (_lengths[i] > 0 && _requestIds[i] == request.RequestId && _types[i] == (byte)request.Type)
                {
                    slot = i;
                }
            }

            if (slot < 0)
            {
                slot = _next;
                _next = (_next + 1) % _lengths.Length;
            }

            _requestIds[slot] = request.RequestId;
            _types[slot] = (byte)request.Type;
            _payloadCrcs[slot] = payloadCrc;
            Array.Copy(wire, 0, _wire[slot], 0, length);
            _lengths[slot] = length;
        }

        /// <summary>Forget everything (after a factory wipe: cached answers may name the old reader).</summary>
        public void Clear()
        {
            for (int i = 0; i < _lengths.Length; i++)
            {
                _lengths[i] = 0;
                Array.Clear(_wire[i], 0, _wire[i].Length);
            }
        }
    }
}
