using System;

namespace MedCard.Host.Transport
{
    /// <summary>A transport could not be opened or failed while in use. The message says what to do.</summary>
    public class TransportException : Exception
    {
        /// <summary>A transport failure described by <paramref name="message"/>.</summary>
        public TransportException(string message)
            : base(message)
        {
        }

        /// <summary>A transport failure caused by <paramref name="innerException"/>.</summary>
        public TransportException(string message, Exception innerException)
            : base(message, innerException)
        {
        }
    }
}
