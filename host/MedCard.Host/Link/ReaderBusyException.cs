using System;
using MedCard.Protocol;

namespace MedCard.Host.Link
{
    /// <summary>The reader kept answering NACK (busy, not ready) until the request's budget ran out.</summary>
    public sealed class ReaderBusyException : Exception
    {
        /// <summary>The reader answered <paramref name="request"/> with NACK <paramref name="reason"/> until the budget ran out.</summary>
        public ReaderBusyException(MessageType request, NackReason reason)
            : base("The reader stayed " + reason + " for " + MessageTypes.Name(request) + ".")
        {
            Request = request;
            Reason = reason;
        }

        /// <summary>The request the reader kept refusing.</summary>
        public MessageType Request { get; }

        /// <summary>The reader's last NACK reason.</summary>
        public NackReason Reason { get; }
    }
}
