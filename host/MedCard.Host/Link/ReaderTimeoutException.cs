using System;
using MedCard.Protocol;

namespace MedCard.Host.Link
{
    /// <summary>The reader did not answer a request in time (after every resend).</summary>
    public sealed class ReaderTimeoutException : TimeoutException
    {
        /// <summary>No answer to <paramref name="request"/> after <paramref name="attempts"/> sends in <paramref name="elapsed"/>.</summary>
        public ReaderTimeoutException(MessageType request, ushort requestId, int attempts, TimeSpan elapsed)
            : base(MessageTypes.Name(request) + " #" + requestId + " got no answer after " + attempts + " send(s) in "
                + (int)elapsed.TotalMilliseconds + " ms.")
        {
            Request = request;
            RequestId = requestId;
        }

        /// <summary>The request that got no answer.</summary>
        public MessageType Request { get; }

        /// <summary>The request id the link sent (and resent) it under.</summary>
        public ushort RequestId { get; }
    }
}
