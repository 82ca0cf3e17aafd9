using System;

namespace MedCard.Host.Transport
{
    /// <summary>A transport could not be opened or failed while in use. The message says what to do.</summary>
    public class TransportException : Exception
    {
        public TransportException(string message)
            : base(message)
        {
        }

        public TransportException(string message, Exception innerException)
            : base(message, innerException)
        {
        }
    }
}
