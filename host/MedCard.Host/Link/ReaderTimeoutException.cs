using System;
using MedCard.Protocol;

namespace MedCard.Host.Link
{
    /// <summary>The reader did not answer a request in time (after every resend).</summary>
    public sealed class ReaderTimeoutException : TimeoutException
    {
        public ReaderTimeoutException(MessageType request, ushort requestId, int attempts, TimeSpan elapsed)
            : base(MessageTypes.Name(request) + " #" + requestId + " got no answer after " + attempts + " send(s) in "
                + (int)elapsed.TotalMilliseconds + " ms.")
        {
            Request = request;
            RequestId = requestId;
        }

        public MessageType Request { get; }

        public ushort RequestId { get; }
    }
}
