using MedCard.Protocol;

namespace MedCard.Host.Verification
{
    /// <summary>The verdict on one record, with the counters it skipped or needs.</summary>
    public sealed class RecordCheck
    {
        internal RecordCheck(SignedRecord record, RecordVerdict verdict, uint gapFrom, uint gapTo, string explanation)
        {
            Record = record;
            Verdict = verdict;
            GapFrom = gapFrom;
            GapTo = gapTo;
            Explanation = explanation;
        }

        /// <summary>The record checked.</summary>
        public SignedRecord Record { get; }

        /// <summary>The verdict.</summary>
        public RecordVerdict Verdict { get; }

        /// <summary>True for the verdicts that count the record (exactly once).</summary>
        public bool IsNewlyAccepted => Verdict == RecordVerdict.Accepted || Verdict == RecordVerdict.AcceptedAfterUnusedCounters;

        /// <summary>True when the chain position moves to this record (newly accepted, or a duplicate signing).</summary>
        public bool AdvancesChain => IsNewlyAccepted || Verdict == RecordVerdict.DuplicateSigning;

        /// <summary>First counter of the gap (unused counters, or records to read from the journal); 0 if none.</summary>
        public uint GapFrom { get; }

        /// <summary>Last counter of the gap; 0 if none.</summary>
        public uint GapTo { get; }

        /// <summary>One sentence for logs and operators. Holds no key material.</summary>
        public string Explanation { get; }

        /// <summary>Verdict, reader, counter and the explanation on one line.</summary>
        public override string ToString() => Verdict + " reader=" + Record.ReaderId + " counter=" + Record.Counter + ": " + Explanation;
    }
}
