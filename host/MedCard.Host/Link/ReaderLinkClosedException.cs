using System;

namespace MedCard.Host.Link
{
    /// <summary>The link was disposed while a request was waiting.</summary>
    public sealed class ReaderLinkClosedException : Exception
    {
        public ReaderLinkClosedException(string message)
            : base(message)
        {
        }
    }
}
