using System.Threading.Tasks;
using MedCard.Protocol;

namespace MedCard.Host.Link
{
    /// <summary>
    /// A request waiting for its answer. The answer slot is renewed only after a NACK: an answer that
    /// arrives late for an earlier send of the same id is still the answer (the reader cached it).
    /// </summary>
    internal sealed class PendingRequest
    {
        private TaskCompletionSource<ReceivedFrame> _answer = NewSlot();

        internal PendingRequest(MessageType type, ushort requestId)
        {
            Type = type;
            RequestId = requestId;
        }

        internal MessageType Type { get; }

        internal ushort RequestId { get; }

        internal Task<ReceivedFrame> Answer => _answer.Task;

        /// <summary>True if <paramref name="header"/> can be the answer to this request.</summary>
        internal bool Accepts(FrameHeader header)
        {
            if (!header.IsResponse || header.RequestId != RequestId)
            {
                return false;
            }
            if (header.IsError)
            {
                return header.Type == MessageType.ProtocolError;
            }
            if (header.IsAck || header.IsNack)
            {
                return header.Type == Type;
            }
            return header.Type == MessageTypes.ResponseTo(Type);
        }

        internal bool TryAnswer(ReceivedFrame frame) => _answer.TrySetResult(frame);

        internal void Renew() => _answer = NewSlot();

        private static TaskCompletionSource<ReceivedFrame> NewSlot() =>
            new TaskCompletionSource<ReceivedFrame>(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
