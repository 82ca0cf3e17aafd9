namespace MedCard.Protocol
{
    /// <summary>The one-byte payload of a NACK: why an intact request was not accepted now.</summary>
    public enum NackReason : byte
    {
        /// <summary>Another request is being processed (e.g. PIN entry in progress).</summary>
        Busy = 1,

        /// <summary>The reader is starting up or writing storage; retry shortly.</summary>
        NotReady = 2,
    }
}
