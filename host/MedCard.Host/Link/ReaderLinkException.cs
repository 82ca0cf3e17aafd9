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

    /// <summary>The reader refused a request for good (a ProtocolError answer).</summary>
    public sealed class ReaderErrorException : Exception
    {
        public ReaderErrorException(MessageType request, ErrorCode code)
            : base("The reader refused " + MessageTypes.Name(request) + ": " + code + ".")
        {
            Request = request;
            Code = code;
        }

        public MessageType Request { get; }

        public ErrorCode Code { get; }
    }

    /// <summary>The reader kept answering NACK (busy, not ready) until the request's budget ran out.</summary>
    public sealed class ReaderBusyException : Exception
    {
        public ReaderBusyException(MessageType request, NackReason reason)
            : base("The reader stayed " + reason + " for " + MessageTypes.Name(request) + ".")
        {
            Request = request;
            Reason = reason;
        }

        public MessageType Request { get; }

        public NackReason Reason { get; }
    }

    /// <summary>The link was disposed while a request was waiting.</summary>
    public sealed class ReaderLinkClosedException : Exception
    {
        public ReaderLinkClosedException(string message)
            : base(message)
        {
        }
    }
}
