using System;
using MedCard.Settlement.Model;

namespace MedCard.Settlement.Services;

/// <summary>A loss report as taken on the phone line or at the desk: name, ID number and card number must
/// all match the records.</summary>
public sealed record LossReport(string CardNumber, string Name, string ResidentId, LossChannel Channel, DateTimeOffset ReportedAt);
