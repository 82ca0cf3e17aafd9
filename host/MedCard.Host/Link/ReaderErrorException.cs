using System;
using MedCard.Protocol;

namespace MedCard.Host.Link
{
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
}
