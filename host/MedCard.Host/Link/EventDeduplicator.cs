using MedCard.Protocol;

namespace MedCard.Host.Link
{
    /// <summary>
    /// Remembers the last few (type, request id) pairs of reader events, so an event the wire
    /// duplicated (or the reader repeated because our ACK was lost) is delivered once.
    /// </summary>
    internal sealed class EventDeduplicator
    {
        private readonly int[] _recent;
        private int _next;

        internal EventDeduplicator(int capacity)
        {
            _recent = new int[capacity];
            System.Array.Fill(_recent, -1);
        }

        internal bool FirstTime(MessageType type, ushort requestId)
        {
            int key = ((byte)type << 16) | requestId;
            lock (_recent)
            {
                foreach (int seen in _recent)
                {
                    if (seen == key)
                    {
                        return false;
                    }
                }
                _recent[_next] = key;
                _next = (_next + 1) % _recent.Length;
                return true;
            }
        }
    }
}
