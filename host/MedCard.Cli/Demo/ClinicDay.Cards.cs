using System;
using System.Threading;
using System.Threading.Tasks;
using MedCard.Cli.Infrastructure;
using MedCard.Settlement.Model;
using MedCard.Settlement.Rules;
using MedCard.Settlement.Services;

namespace MedCard.Cli.Demo;

internal sealed partial class ClinicDay
{
    private const string ReplacementCard = "MC0012";
    private const string ReplacementUid = "04998877";

    private async Task WrongPinAsync(CancellationToken ct)
    {
        BillItem[] bill = [Covered("CONSULT", "Consultation", "10.00")];
        string right = _pins[ZhangWei.Name];
        _pins[ZhangWei.Name] = "000000";
        await SettleAsync("Zhang Wei types a wrong PIN", ZhangWei, Hospital, VisitType.Outpatient, "pin.wrong", bill, HospitalReader, ct).ConfigureAwait(false);
        await SettleAsync("... wrong again", ZhangWei, Hospital, VisitType.Outpatient, "pin.wrong", bill, HospitalReader, ct).ConfigureAwait(false);
        await SettleAsync("... a third time: blocked", ZhangWei, Hospital, VisitType.Outpatient, "pin.blocked", bill, HospitalReader, ct).ConfigureAwait(false);
        _pins[ZhangWei.Name] = right;
        await SettleAsync("... now the right PIN: still blocked", ZhangWei, Hospital, VisitType.Outpatient, "pin.blocked", bill, HospitalReader, ct)
            .ConfigureAwait(false);

        _pins[ZhangWei.Name] = "654321";
        using (PinDigits fresh = Inputs.Pin(_pins[ZhangWei.Name]))
        {
            DeskOk("service desk resets the PIN (ID card shown)", ZhangWei.Card,
                await _desk.ResetPinAsync(ZhangWei.Card, ZhangWei.ResidentId, fresh, ct).ConfigureAwait(false), "new PIN set, 3 tries restored");
        }

        await SettleAsync("Zhang Wei with the new PIN", ZhangWei, Hospital, VisitType.Outpatient, "ok", bill, HospitalReader, ct).ConfigureAwait(false);
    }

    private async Task LostCardAsync(CancellationToken ct)
    {
        DateTimeOffset reportedAt = DateTimeOffset.UtcNow;
        DeskOk("Li Na reports her card lost by phone", LiNa.Card, await _desk.ReportLossAsync(
            new LossReport(LiNa.Card, LiNa.Name, LiNa.ResidentId, LossChannel.Phone, reportedAt) { Employer = LiNa.Employer }, ct).ConfigureAwait(false),
            "settlement stopped at once; card on the hotlist");
        await SettleAsync("someone tries the lost card for an outpatient visit", LiNa, Hospital, VisitType.Outpatient, "card.reported_lost",
            [Covered("CONSULT", "Consultation", "25.00")], HospitalReader, ct).ConfigureAwait(false);
        await SettleAsync("Li Na's emergency during the loss period still settles", LiNa, Hospital, VisitType.Emergency, "ok",
            [Covered("ER", "Emergency room", "300.00")], HospitalReader, ct).ConfigureAwait(false);

        Log.Desk("Li Na pays an outpatient visit in cash meanwhile (receipt R-1001)", LiNa.Card, "180.00 paid at the counter, no card");
        long before = (await _desk.GetPersonAsync(LiNa.ResidentId, ct).ConfigureAwait(false))!.Balance;
        DateTimeOffset replacedAt = DateTimeOffset.UtcNow;
        using (PinDigits pin = Inputs.Pin(LiNa.Pin))
        {
            DeskResult replaced = await _desk.ReplaceCardAsync(new CardReplacement(LiNa.Card, LiNa.ResidentId, ReplacementCard, Inputs.Uid(ReplacementUid),
                pin, replacedAt), ct).ConfigureAwait(false);
            long after = (await _desk.GetPersonAsync(LiNa.ResidentId, ct).ConfigureAwait(false))!.Balance;
            if (after != before)
            {
                throw new DemoExpectationException("replacement carries the balance over", Money.Format(before), Money.Format(after));
            }

            DeskOk("replacement card issued", ReplacementCard, replaced, "balance " + Money.Format(before) + " before and " + Money.Format(after)
                + " after; unprinted records carried over");
        }

        await SettleAsync("the old card is found and tried again", LiNa, Hospital, VisitType.Outpatient, "card.replaced",
            [Covered("CONSULT", "Consultation", "25.00")], HospitalReader, ct).ConfigureAwait(false);
        _cards[LiNa.Name] = ReplacementCard;
        await SettleAsync("Li Na with the new card", LiNa, Hospital, VisitType.Outpatient, "ok", [Covered("CONSULT", "Consultation", "25.00"),
            Covered("XRAY", "X-ray", "125.00")], HospitalReader, ct).ConfigureAwait(false);

        // The cash visit happened between the report and the replacement (the midpoint, so millisecond storage
        // of both ends cannot push it out of the loss period).
        DateTimeOffset paidAt = reportedAt + (replacedAt - reportedAt) / 2;
        ClaimResult claim = await _settlement.ReimburseLossPeriodAsync(new LossPeriodClaim("R-1001", LiNa.Card, Hospital, VisitType.Outpatient,
            [Covered("CONSULT", "Consultation", "30.00"), Covered("LAB", "Blood test", "150.00")], paidAt), ct).ConfigureAwait(false);
        if (!claim.Succeeded || claim.Reimbursed <= 0)
        {
            throw new DemoExpectationException("loss-period claim R-1001", "a positive reimbursement", claim.Refusal?.Key ?? Money.Format(claim.Reimbursed));
        }

        Log.Desk("the cash visit is reimbursed after the replacement", ReplacementCard, "fund share " + Money.Format(claim.Reimbursed)
            + " credited to the personal account");
        _progress.Step();
    }

    private async Task RelativeAsync(CancellationToken ct)
    {
        DeskOk("bind: Li Na's account pays for her spouse Zhang Wei", ZhangWei.Card,
            await _desk.BindRelativeAsync(LiNa.ResidentId, ZhangWei.ResidentId, Relation.Spouse, ct).ConfigureAwait(false), "spouse bound");
        await SettleAsync("Zhang Wei (empty account) pays from Li Na's account", ZhangWei, Hospital, VisitType.Outpatient, "ok",
            [Covered("CONSULT", "Consultation", "25.00"), Covered("ECG", "ECG", "235.00")], HospitalReader, ct, relative: LiNa.ResidentId)
            .ConfigureAwait(false);
        await SettleAsync("Wang Fang tries Li Na's account (not bound)", WangFang, Pharmacy, VisitType.Pharmacy, "family.not_bound",
            [Covered("AMLO", "Amlodipine 5 mg x 28", "58.80")], PharmacyReader, ct, relative: LiNa.ResidentId).ConfigureAwait(false);
    }
}
