namespace MedCard.Host.Link
{
    /// <summary>Which way a traced frame went.</summary>
    public enum FrameDirection
    {
        /// <summary>Host to reader.</summary>
        Sent = 0,

        /// <summary>Host to reader again, same bytes and request id, after no answer.</summary>
        Resent = 1,

        /// <summary>Reader to host.</summary>
        Received = 2,
    }
}
