using System;

namespace MedCard.Host.Link
{
    /// <summary>The link was disposed while a request was waiting.</summary>
    public sealed class ReaderLinkClosedException : Exception
    {
        /// <summary>The link closed under a waiting request; <paramref name="message"/> says how.</summary>
        public ReaderLinkClosedException(string message)
            : base(message)
        {
        }
    }
}
