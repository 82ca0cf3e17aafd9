using System;
using System.Threading.Tasks;
using MedCard.Protocol;
using MedCard.Settlement.Model;
using MedCard.Settlement.Rules;
using MedCard.Settlement.Services;
using MedCard.Settlement.Tests.Infrastructure;
using Xunit;

namespace MedCard.Settlement.Tests;

/// <summary>Loss-period claims are checked (card, holder, time, institution, bill) before their receipt reference
/// is looked up: a reference alone never returns someone else's "already paid".</summary>
public abstract partial class LedgerSuite
{
    private async Task<(TestLedger.Holder Holder, LossPeriodClaim Claim)> LostAndReplacedAsync(TestLedger l, string replacement, byte[] uid,
        string reference)
    {
        TestLedger.Holder h = await l.EnrolAsync(0);
        DateTimeOffset lost = TestLedger.Day;
        Assert.True((await l.Desk.ReportLossAsync(new LossReport(h.CardNumber, h.Name, h.ResidentId, LossChannel.Phone, lost) { Employer = TestLedger.Employer }, Ct)).Succeeded);
        using var pin = new PinDigits([1, 1, 1, 1]);
        Assert.True((await l.Desk.ReplaceCardAsync(new CardReplacement(h.CardNumber, h.ResidentId, replacement, uid, pin, lost.AddDays(5)), Ct))
            .Succeeded);
        return (h, new LossPeriodClaim(reference, h.CardNumber, TestLedger.Hospital, VisitType.Outpatient, TestLedger.Covered(300_00), lost.AddDays(2)));
    }

    [StoreFact]
    public async Task A_claim_reference_proves_nothing_before_the_claim_itself_is_checked()
    {
        await using TestLedger l = await NewLedgerAsync();
        (TestLedger.Holder first, LossPeriodClaim claim) = await LostAndReplacedAsync(l, "N1", [9, 8, 7, 1], "RCPT-1");
        ClaimResult paid = await l.Settlement.ReimburseLossPeriodAsync(claim, Ct);
        Assert.True(paid.Succeeded, paid.Refusal?.Message);
        Assert.False(paid.Duplicate);
        Assert.Equal(140_00, paid.Reimbursed);

        // The same reference on an unknown card: the card is unknown, not "already paid 140.00".
        ClaimResult unknown = await l.Settlement.ReimburseLossPeriodAsync(claim with { LostCardNumber = "NOSUCHCARD" }, Ct);
        Assert.Equal(ReasonCode.UnknownCard, unknown.Refusal?.Code);
        Assert.Equal(0, unknown.Reimbursed);

        // Another holder's lost-and-replaced card with the first holder's reference: refused as a reused reference.
        (TestLedger.Holder second, LossPeriodClaim other) = await LostAndReplacedAsync(l, "N2", [9, 8, 7, 2], "RCPT-1");
        ClaimResult stolen = await l.Settlement.ReimburseLossPeriodAsync(other, Ct);
        Assert.Equal(ReasonCode.ClaimReferenceReused, stolen.Refusal?.Code);
        Assert.Equal("claim.reference_reused", stolen.Refusal?.Key);
        Assert.False(stolen.Duplicate);
        Assert.Equal(0, await l.BalanceAsync(second.ResidentId));

        // The same holder's reference reused for another bill (amount, time or institution): refused too.
        Assert.Equal(ReasonCode.ClaimReferenceReused, (await l.Settlement.ReimburseLossPeriodAsync(
            claim with { Items = TestLedger.Covered(999_00) }, Ct)).Refusal?.Code);
        Assert.Equal(ReasonCode.ClaimReferenceReused, (await l.Settlement.ReimburseLossPeriodAsync(
            claim with { Time = claim.Time.AddHours(1) }, Ct)).Refusal?.Code);

        // A bill outside the loss period is not eligible, whatever its reference.
        Assert.Equal(ReasonCode.ClaimNotEligible, (await l.Settlement.ReimburseLossPeriodAsync(
            claim with { Time = TestLedger.Day.AddDays(-1) }, Ct)).Refusal?.Code);

        // A genuine repeat of the same claim stays idempotent: same answer, nothing credited twice.
        ClaimResult again = await l.Settlement.ReimburseLossPeriodAsync(claim, Ct);
        Assert.True(again.Succeeded);
        Assert.True(again.Duplicate);
        Assert.Equal(140_00, again.Reimbursed);
        Assert.Equal(140_00, await l.BalanceAsync(first.ResidentId));
        await l.AssertAuditOkAsync();
    }

    [StoreFact]
    public async Task Names_and_references_with_control_or_bidi_characters_never_reach_the_ledger()
    {
        await using TestLedger l = await NewLedgerAsync();
        foreach (string bad in new[] { "Zhang\u202EieW", "Zhang\u0007Wei", "Zhang\u0085Wei", "\u2066Li", "Li\u200F", " ", new string('x', TextRule.MaxNameLength + 1) })
        {
            using var pin = new PinDigits([1, 2, 3, 4]);
            DeskResult refused = await l.Desk.EnrolAsync(new Enrolment("110101198503074516", bad, Gender.Male, string.Empty, "TXT1", [1, 2, 3, 4], pin), Ct);
            Assert.Equal(ReasonCode.InvalidRequest, refused.Refusal?.Code);
            await Assert.ThrowsAsync<ArgumentException>(() => l.Desk.RegisterInstitutionAsync(new Institution("H9", bad, true), Ct));
        }

        using (var pin = new PinDigits([1, 2, 3, 4]))
        {
            Assert.Equal(ReasonCode.InvalidRequest, (await l.Desk.EnrolAsync(
                new Enrolment("110101198503074516", "Zhang Wei", (Gender)200, string.Empty, "TXT1", [1, 2, 3, 4], pin), Ct)).Refusal?.Code);
        }

        Assert.Null(await l.Desk.GetPersonAsync("110101198503074516", Ct));
        (_, LossPeriodClaim claim) = await LostAndReplacedAsync(l, "N1", [9, 8, 7, 1], "RCPT-1");
        Assert.Equal(ReasonCode.InvalidRequest, (await l.Settlement.ReimburseLossPeriodAsync(claim with { ClaimReference = "R\u202E1" }, Ct)).Refusal?.Code);
        await l.AssertAuditOkAsync();
    }
}
