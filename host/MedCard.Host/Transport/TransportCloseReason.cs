namespace MedCard.Host.Transport
{
    /// <summary>Why a transport's byte stream ended.</summary>
    public enum TransportCloseReason
    {
        /// <summary>Still open, or never opened.</summary>
        None = 0,

        /// <summary>This side called CloseAsync/DisposeAsync.</summary>
        Local = 1,

        /// <summary>The other end closed cleanly (end of file, hang-up, TCP FIN).</summary>
        PeerClosed = 2,

        /// <summary>The device or connection failed (unplugged USB adapter: EIO/ENXIO; TCP reset).</summary>
        DeviceLost = 3,
    }
}
