using System;

namespace MedCard.Settlement.Model;

/// <summary>
/// A transaction record whose MAC and chain the host link has already verified. The ledger still checks
/// what only it can know: that (reader, counter) is new and increasing, that the UID belongs to the card
/// number, and that the signed amount equals the bill.
/// </summary>
public sealed record VerifiedTransaction(
    uint ReaderId,
    uint Counter,
    byte[] CardUid,
    string CardNumber,
    long Amount,
    DateTimeOffset Time)
{
    /// <summary>The record's MAC. When set, the ledger stores it as the reader's chain position in the same transaction
    /// as the settlement (or the void), so the chain never runs ahead of the money.</summary>
    public byte[]? Mac { get; init; }

    /// <summary>The host nonce the record carries (kept with the chain position to recognise a request signed twice).</summary>
    public byte[]? HostNonce { get; init; }
}
