using System.Collections.Generic;
using MedCard.Host.Verification;

namespace MedCard.Host.Client
{
    /// <summary>What a journal read found and what the host made of it.</summary>
    public sealed class JournalSyncResult
    {
        internal JournalSyncResult(IReadOnlyList<RecordCheck> checks, uint latestCounter, uint acknowledgedUpTo)
        {
            Checks = checks;
            LatestCounter = latestCounter;
            AcknowledgedUpTo = acknowledgedUpTo;
        }

        /// <summary>Every record read, with its verdict, in counter order.</summary>
        public IReadOnlyList<RecordCheck> Checks { get; }

        /// <summary>The highest counter the reader says it signed.</summary>
        public uint LatestCounter { get; }

        /// <summary>The counter the reader was told it may prune up to (0 = nothing acknowledged).</summary>
        public uint AcknowledgedUpTo { get; }
    }
}
