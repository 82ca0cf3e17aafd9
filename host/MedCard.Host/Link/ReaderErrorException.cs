using System;
using MedCard.Protocol;

namespace MedCard.Host.Link
{
    /// <summary>The reader refused a request for good (a ProtocolError answer).</summary>
    public sealed class ReaderErrorException : Exception
    {
        /// <summary>The reader answered <paramref name="request"/> with error <paramref name="code"/>.</summary>
        public ReaderErrorException(MessageType request, ErrorCode code)
            : base("The reader refused " + MessageTypes.Name(request) + ": " + code + ".")
        {
            Request = request;
            Code = code;
        }

        /// <summary>The request the reader refused.</summary>
        public MessageType Request { get; }

        /// <summary>The reader's error code.</summary>
        public ErrorCode Code { get; }
    }
}
