using System.Threading.Tasks;
using MedCard.Protocol;
using MedCard.Settlement.Ledger;
using MedCard.Settlement.Model;
using MedCard.Settlement.Rules;
using MedCard.Settlement.Services;
using MedCard.Settlement.Tests.Infrastructure;
using Xunit;

namespace MedCard.Settlement.Tests;

/// <summary>Loss by phone (all four details must match, or "report in writing") and in writing (the ID is enough).</summary>
public abstract partial class LedgerSuite
{
    [StoreFact]
    public async Task A_phone_report_with_any_detail_wrong_is_refused_with_report_in_writing_and_changes_nothing()
    {
        await using TestLedger l = await NewLedgerAsync();
        TestLedger.Holder h = await l.EnrolAsync(100_00);
        TestLedger.Holder other = await l.EnrolAsync(100_00);
        long version = (await l.Desk.GetHotlistAsync(Ct)).Version;
        LossReport right = new(h.CardNumber, h.Name, h.ResidentId, LossChannel.Phone, TestLedger.Day) { Employer = TestLedger.Employer };
        LossReport[] wrong =
        [
            right with { Name = "Somebody Else" },
            right with { ResidentId = other.ResidentId },
            right with { CardNumber = other.CardNumber },
            right with { CardNumber = "NOSUCHCARD" },
            right with { Employer = "Another Employer Ltd" },
            right with { Employer = null },
        ];

        foreach (LossReport report in wrong)
        {
            DeskResult result = await l.Desk.ReportLossAsync(report, Ct);
            Assert.Equal(ReasonCode.LossReportInWriting, result.Refusal?.Code);
            Assert.Equal("loss.report_in_writing", result.Refusal!.Key);
            Assert.Contains("report in writing at a service point", result.Refusal.Message, System.StringComparison.Ordinal);
        }

        Assert.Equal(CardStatus.Active, (await l.Desk.GetCardAsync(h.CardNumber, Ct))!.Status);
        Assert.Equal(CardStatus.Active, (await l.Desk.GetCardAsync(other.CardNumber, Ct))!.Status);
        Assert.Equal(version, (await l.Desk.GetHotlistAsync(Ct)).Version);

        // Surrounding spaces are what people type; the details still match.
        Assert.True((await l.Desk.ReportLossAsync(right with { Name = " " + h.Name + " ", Employer = TestLedger.Employer + " " }, Ct)).Succeeded);
        Assert.Equal(ReasonCode.CardReportedLost, (await l.SettleAsync(h, 10_00)).Refusal!.Code);
        Assert.Contains(h.CardNumber, (await l.Desk.GetHotlistAsync(Ct)).CardNumbers);
    }

    [StoreFact]
    public async Task A_written_report_needs_only_the_resident_id()
    {
        await using TestLedger l = await NewLedgerAsync();
        TestLedger.Holder h = await l.EnrolAsync(100_00);
        TestLedger.Holder other = await l.EnrolAsync(100_00);

        // Another person's card named on the form: refused, the ID decides.
        Assert.Equal(ReasonCode.IdentityMismatch, (await l.Desk.ReportLossAsync(
            new LossReport(other.CardNumber, string.Empty, h.ResidentId, LossChannel.Written, TestLedger.Day), Ct)).Refusal?.Code);
        // No card number, no name, no employer: the holder's active card is reported.
        DeskResult written = await l.Desk.ReportLossAsync(new LossReport(string.Empty, string.Empty, h.ResidentId, LossChannel.Written, TestLedger.Day), Ct);
        Assert.True(written.Succeeded, written.ToString());
        Card lost = (await l.Desk.GetCardAsync(h.CardNumber, Ct))!;
        Assert.Equal(CardStatus.ReportedLost, lost.Status);
        Assert.Equal(LossChannel.Written, lost.LossChannel);
        Assert.Equal(CardStatus.Active, (await l.Desk.GetCardAsync(other.CardNumber, Ct))!.Status);

        // Nothing left to report.
        Assert.Equal(ReasonCode.InvalidCardState, (await l.Desk.ReportLossAsync(
            new LossReport(string.Empty, string.Empty, h.ResidentId, LossChannel.Written, TestLedger.Day), Ct)).Refusal?.Code);
        Assert.Equal(ReasonCode.UnknownPerson, (await l.Desk.ReportLossAsync(
            new LossReport(string.Empty, string.Empty, TestLedger.ResidentIdFor(900), LossChannel.Written, TestLedger.Day), Ct)).Refusal?.Code);
    }

    [StoreFact]
    public async Task Resident_ids_without_a_real_birth_date_are_refused_at_enrolment_and_on_the_phone()
    {
        await using TestLedger l = await NewLedgerAsync();
        TestLedger.Holder h = await l.EnrolAsync(0);
        string first17 = "11010119800231" + "007"; // 31 February 1980: a right check character, an impossible birth date
        string impossible = first17 + ResidentId.ComputeCheckCharacter(first17);
        using var pin = new PinDigits([1, 2, 3, 4]);
        DeskResult enrol = await l.Desk.EnrolAsync(new Enrolment(impossible, "Nobody", Gender.Male, TestLedger.Employer, "X0000001", [0x04, 9, 9, 9], pin, 0), Ct);
        Assert.Equal(ReasonCode.InvalidResidentId, enrol.Refusal?.Code);
        Assert.Contains("birth date", enrol.Refusal!.Message, System.StringComparison.Ordinal);
        Assert.Null(await l.Desk.GetPersonAsync(impossible, Ct));

        DeskResult phone = await l.Desk.ReportLossAsync(new LossReport(h.CardNumber, h.Name, impossible, LossChannel.Phone, TestLedger.Day)
        {
            Employer = TestLedger.Employer,
        }, Ct);
        Assert.Equal(ReasonCode.InvalidResidentId, phone.Refusal?.Code);
        Assert.Equal(CardStatus.Active, (await l.Desk.GetCardAsync(h.CardNumber, Ct))!.Status);
    }
}
