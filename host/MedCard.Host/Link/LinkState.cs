namespace MedCard.Host.Link
{
    /// <summary>Where the link to the reader stands.</summary>
    public enum LinkState
    {
        /// <summary>Not started, or stopped by <see cref="ReaderLink.DisposeAsync"/>.</summary>
        Closed = 0,

        /// <summary>Opening the transport and exchanging Hello/Capabilities.</summary>
        Connecting = 1,

        /// <summary>Transport open, the reader answered recently.</summary>
        Connected = 2,

        /// <summary>The transport ended or the heartbeat went unanswered: reopening with back-off. Pending requests wait.</summary>
        Reconnecting = 3,
    }
}
