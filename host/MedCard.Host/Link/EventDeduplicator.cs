using System.Diagnostics;
using MedCard.Protocol;

namespace MedCard.Host.Link
{
    /// <summary>
    /// Remembers the last few (type, request id) pairs of reader events for a short window, so an event
    /// the wire duplicated is delivered once. The window is short because event ids restart when the
    /// reader reboots: a real new event reusing an old id must not be swallowed.
    /// </summary>
    internal sealed class EventDeduplicator
    {
        private readonly int[] _keys;
        private readonly long[] _seenAt;
        private readonly long _windowTicks;
        private int _next;

        internal EventDeduplicator(int capacity, System.TimeSpan window)
        {
            _keys = new int[capacity];
            _seenAt = new long[capacity];
            System.Array.Fill(_keys, -1);
            _windowTicks = (long)(window.TotalSeconds * Stopwatch.Frequency);
        }

        internal bool FirstTime(MessageType type, ushort requestId)
        {
            int key = ((byte)type << 16) | requestId;
            long now = Stopwatch.GetTimestamp();
            lock (_keys)
            {
                for (int i = 0; i < _keys.Length; i++)
                {
                    if (_keys[i] == key && now - _seenAt[i] <= _windowTicks)
                    {
                        return false;
                    }
                }
                _keys[_next] = key;
                _seenAt[_next] = now;
                _next = (_next + 1) % _keys.Length;
                return true;
            }
        }

        internal void Clear()
        {
            lock (_keys)
            {
                System.Array.Fill(_keys, -1);
            }
        }
    }
}
