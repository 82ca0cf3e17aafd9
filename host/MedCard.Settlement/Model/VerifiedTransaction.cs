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
    DateTimeOffset Time);
