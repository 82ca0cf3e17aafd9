using System;

namespace MedCard.Settlement.Model;

/// <summary>A card as stored by the ledger. The PIN credential is deliberately not part of this record
/// (records print every property in ToString).</summary>
public sealed record Card(
    string CardNumber,
    byte[] Uid,
    string ResidentId,
    CardLifecycle Lifecycle,
    int PinTriesLeft,
    int UnprintedCount,
    DateTimeOffset IssuedAt,
    DateTimeOffset? LostAt,
    LossChannel? LossChannel,
    DateTimeOffset? ReplacedAt,
    string? ReplacedBy,
    string? Replaces)
{
    public CardStatus Status => Lifecycle switch
    {
        CardLifecycle.Replaced => CardStatus.Replaced,
        CardLifecycle.ReportedLost => CardStatus.ReportedLost,
        _ => PinTriesLeft <= 0 ? CardStatus.PinBlocked : CardStatus.Active,
    };

    public string UidHex => Convert.ToHexString(Uid);
}
