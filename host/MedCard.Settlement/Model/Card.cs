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
    /// <summary>The status a clerk or reader sees: the lifecycle, or PinBlocked when no PIN tries are left.</summary>
    public CardStatus Status => Lifecycle switch
    {
        CardLifecycle.Replaced => CardStatus.Replaced,
        CardLifecycle.ReportedLost => CardStatus.ReportedLost,
        _ => PinTriesLeft <= 0 ? CardStatus.PinBlocked : CardStatus.Active,
    };

    /// <summary>The card UID in hex.</summary>
    public string UidHex => Convert.ToHexString(Uid);
}
