using System;
using MedCard.Settlement.Model;

namespace MedCard.Settlement.Services;

/// <summary>
/// A loss report. On the phone line (<see cref="LossChannel.Phone"/>) nobody sees the caller, so the name, resident ID,
/// card number and <see cref="Employer"/> must all match the records; in writing at a service point
/// (<see cref="LossChannel.Written"/>) the holder is present with their ID, so the resident ID alone is enough (the card
/// number may be empty: the holder's active card is the one reported).
/// </summary>
public sealed record LossReport(string CardNumber, string Name, string ResidentId, LossChannel Channel, DateTimeOffset ReportedAt)
{
    /// <summary>The holder's employer as the caller states it (required on the phone line, ignored in writing).</summary>
    public string? Employer { get; init; }
}
