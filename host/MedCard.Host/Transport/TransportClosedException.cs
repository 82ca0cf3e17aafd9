namespace MedCard.Host.Transport
{
    /// <summary>A write was attempted after the stream ended.</summary>
    public sealed class TransportClosedException : TransportException
    {
        public TransportClosedException(string name, TransportCloseReason reason)
            : base(name + " is closed (" + reason + ").")
        {
            Reason = reason;
        }

        public TransportCloseReason Reason { get; }
    }
}
