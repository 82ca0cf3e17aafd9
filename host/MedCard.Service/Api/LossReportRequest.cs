using MedCard.Settlement.Model;

namespace MedCard.Service.Api;

/// <summary>A loss report as the phone line or the desk takes it: the holder's name and resident ID must match the card's
/// records, and on the phone line (the scheme's rule) the employer too; a report that does not match is refused with
/// `loss.report_in_writing` (the holder reports in writing at a service point).</summary>
public sealed record LossReportRequest(string? Name, string? ResidentId, LossChannel Channel = LossChannel.Phone, string? Employer = null);
