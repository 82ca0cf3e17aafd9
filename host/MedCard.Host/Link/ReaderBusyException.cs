using System;
using MedCard.Protocol;

namespace MedCard.Host.Link
{
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
}
