using MedCard.Protocol;

namespace MedCard.Checkout;

/// <summary>A reader's own status beside what the ledger holds for it (<see cref="ReaderAdministration.GetStatusAsync"/>).</summary>
/// <param name="Reader">What the reader answered: counter, journal fill, hotlist version and age, line counters.</param>
/// <param name="Capabilities">What the reader announced at the greeting (firmware, board).</param>
/// <param name="KnownToLedger">True when the ledger holds the reader's key.</param>
/// <param name="LedgerCounter">The last counter the ledger filed for this reader (null: never seen).</param>
/// <param name="LedgerHotlistVersion">The ledger's current hotlist version.</param>
public sealed record ReaderStatusReport(StatusResponse Reader, Capabilities? Capabilities, bool KnownToLedger, uint? LedgerCounter, long LedgerHotlistVersion)
{
    /// <summary>True when the reader holds an older hotlist than the ledger's: push it (`medcard reader hotlist push`).</summary>
    public bool HotlistBehind => Reader.HotlistVersion < LedgerHotlistVersion;

    /// <summary>Counters the reader has used beyond the last one the ledger filed (0 when none, or when the ledger never saw the
    /// reader): signed records to file (`medcard reader journal sync`), or counters a power cut burned before signing (nothing to file;
    /// they stop counting here once a later record is filed).</summary>
    public uint UnfiledRecords => LedgerCounter is { } filed && Reader.Counter > filed ? Reader.Counter - filed : 0;
}
