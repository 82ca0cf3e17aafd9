namespace MedCard.Host.Transport
{
    /// <summary>A write was attempted after the stream ended.</summary>
    public sealed class TransportClosedException : TransportException
    {
        /// <summary>Transport <paramref name="name"/> closed for <paramref name="reason"/>.</summary>
        public TransportClosedException(string name, TransportCloseReason reason)
            : base(name + " is closed (" + reason + ").")
        {
            Reason = reason;
        }

        /// <summary>Why the transport closed.</summary>
        public TransportCloseReason Reason { get; }
    }
}
