using System.Collections.Generic;
using MedCard.Host.Verification;
using MedCard.Protocol;

namespace MedCard.Host.Client
{
    /// <summary>The outcome of <see cref="ReaderClient.AuthorizeAsync"/>.</summary>
    public sealed class AuthorizationResult
    {
        internal AuthorizationResult(AuthorizeStatus status, RecordCheck? check, IReadOnlyList<RecordCheck> recovered)
        {
            Status = status;
            Check = check;
            Recovered = recovered;
        }

        /// <summary>What the reader answered.</summary>
        public AuthorizeStatus Status { get; }

        /// <summary>The host's verdict on the signed record (null when the reader refused to sign).</summary>
        public RecordCheck? Check { get; }

        /// <summary>
        /// True when the reader signed and the record is genuine and counted exactly once: new, already
        /// counted (a re-delivery), or a duplicate signing of a request whose first record was counted.
        /// </summary>
        public bool IsApproved => Status == AuthorizeStatus.Approved && Check is not null
            && (Check.IsNewlyAccepted || Check.Verdict == RecordVerdict.AlreadyAccepted || Check.Verdict == RecordVerdict.DuplicateSigning);

        /// <summary>The signed record the reader returned, when it signed.</summary>
        public SignedRecord? Record => Check?.Record;

        /// <summary>Earlier records recovered from the journal to close a gap before this one.</summary>
        public IReadOnlyList<RecordCheck> Recovered { get; }
    }
}
