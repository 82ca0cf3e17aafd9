using MedCard.Protocol;

namespace MedCard.Checkout;

/// <summary>What <see cref="ReaderAdministration.PushHotlistAsync"/> sent and how the reader answered.</summary>
/// <param name="Version">The ledger's hotlist version that was pushed.</param>
/// <param name="Cards">How many card numbers it lists.</param>
/// <param name="Ack">The reader's last answer: Activated, Stale, Full or StorageFailure, with its active version and entry count.</param>
public sealed record HotlistPushReport(uint Version, int Cards, HotlistAck Ack)
{
    /// <summary>True when the reader now enforces this version (Activated), or already had it or a newer one (Stale).</summary>
    public bool InForce => Ack.Status is HotlistStatus.Activated or HotlistStatus.Stale;
}
