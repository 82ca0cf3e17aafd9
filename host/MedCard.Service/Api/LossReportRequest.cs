using MedCard.Settlement.Model;

namespace MedCard.Service.Api;

/// <summary>A loss report as the phone line or the desk takes it: the holder's name and resident ID must match the card's records.</summary>
public sealed record LossReportRequest(string? Name, string? ResidentId, LossChannel Channel = LossChannel.Phone);
