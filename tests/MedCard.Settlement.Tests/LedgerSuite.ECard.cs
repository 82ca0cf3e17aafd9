using System;
using System.Threading.Tasks;
using MedCard.Settlement.Model;
using MedCard.Settlement.Rules;
using MedCard.Settlement.Services;
using MedCard.Settlement.Tests.Infrastructure;
using Xunit;

namespace MedCard.Settlement.Tests;

/// <summary>The e-card: a scheme-signed, single-use, short-lived token that settles like the card where accepted.</summary>
public abstract partial class LedgerSuite
{
    private sealed class ManualClock(DateTimeOffset now) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = now;

        public override DateTimeOffset GetUtcNow() => Now;
    }

    private sealed record ECardScene(TestLedger Ledger, CardDesk Desk, SettlementService Settlement, ManualClock Clock, TestLedger.Holder Holder);

    private async Task<ECardScene> ECardSceneAsync(PinKeyFile keys)
    {
        TestLedger l = await NewLedgerAsync();
        var clock = new ManualClock(DateTimeOffset.UtcNow);
        var options = new LedgerOptions { PinIterations = TestLedger.TestPinIterations, ECardKeys = keys, Clock = clock, ECardPinFreeLimit = 300_00 };
        var desk = new CardDesk(l.Store, options);
        TestLedger.Holder h = await l.EnrolAsync(1_000_00);
        Assert.True((await desk.SetECardAcceptanceAsync(TestLedger.Hospital, true, Ct)).Succeeded);
        return new ECardScene(l, desk, new SettlementService(l.Store, options), clock, h);
    }

    private static ECardPurchase Bill(string token, long fen, string institution = TestLedger.Hospital) =>
        new(token, TestLedger.Covered(fen), institution, VisitType.Outpatient);

    [StoreFact]
    public async Task An_e_card_settles_like_the_card_once_and_its_replay_is_refused()
    {
        using var temp = new TempPinKeys();
        using PinKeyFile keys = temp.Open();
        ECardScene e = await ECardSceneAsync(keys);
        await using TestLedger l = e.Ledger;
        long before = await l.BalanceAsync(e.Holder.ResidentId);

        ECardIssue issued = await e.Desk.IssueECardAsync(e.Holder.CardNumber, e.Holder.ResidentId, Ct);
        Assert.True(issued.Succeeded, issued.Refusal?.ToString());
        Assert.StartsWith("MCE1.", issued.Token, StringComparison.Ordinal);
        Assert.True(ECardToken.TryParse(issued.Token, out ECardToken? token));
        Assert.Equal(e.Holder.CardNumber, token.CardNumber);
        Assert.DoesNotContain(e.Holder.ResidentId, issued.Token!, StringComparison.Ordinal); // bound to the holder, not showing the ID

        SettlementOutcome paid = await e.Settlement.SettleECardAsync(Bill(issued.Token!, 200_00), Ct);
        Assert.True(paid.Settled, paid.ToString());
        Assert.Equal(200_00, paid.Record!.Fund + paid.Record.OwnAccount + paid.Record.RelativeAccount + paid.Record.Cash);
        Assert.Equal(SettlementService.ECardChannel, paid.Record.ReaderId);
        Assert.Equal(before - paid.Record.OwnAccount, await l.BalanceAsync(e.Holder.ResidentId));

        SettlementOutcome replay = await e.Settlement.SettleECardAsync(Bill(issued.Token!, 200_00), Ct);
        Assert.Equal(ReasonCode.ECardReplayed, replay.Refusal?.Code);
        Assert.Equal(before - paid.Record.OwnAccount, await l.BalanceAsync(e.Holder.ResidentId));

        // A second e-card purchase with a fresh token takes the next number on the e-card channel.
        ECardIssue again = await e.Desk.IssueECardAsync(e.Holder.CardNumber, e.Holder.ResidentId, Ct);
        SettlementOutcome second = await e.Settlement.SettleECardAsync(Bill(again.Token!, 50_00), Ct);
        Assert.True(second.Settled, second.ToString());
        Assert.Equal(paid.Record.Counter + 1, second.Record!.Counter);
        await l.AssertAuditOkAsync();
    }

    [StoreFact]
    public async Task Forged_expired_unaccepted_and_over_the_limit_e_cards_are_refused_and_leave_the_token_unused()
    {
        using var temp = new TempPinKeys();
        using PinKeyFile keys = temp.Open();
        ECardScene e = await ECardSceneAsync(keys);
        await using TestLedger l = e.Ledger;
        TestLedger.Holder other = await l.EnrolAsync(1_000_00);
        string token = (await e.Desk.IssueECardAsync(e.Holder.CardNumber, e.Holder.ResidentId, Ct)).Token!;
        string[] parts = token.Split('.');

        // Forged: a flipped MAC byte, a payload naming another card under the same MAC, garbage, a token from another key.
        char flipped = parts[2][0] == 'A' ? 'B' : 'A';
        Assert.Equal(ReasonCode.ECardForged, (await e.Settlement.SettleECardAsync(Bill(parts[0] + "." + parts[1] + "." + flipped + parts[2][1..], 10_00), Ct)).Refusal?.Code);
        string otherPayload = System.Buffers.Text.Base64Url.EncodeToString(System.Text.Encoding.UTF8.GetBytes(
            System.Text.Encoding.UTF8.GetString(System.Buffers.Text.Base64Url.DecodeFromChars(parts[1])).Replace(e.Holder.CardNumber, other.CardNumber, StringComparison.Ordinal)));
        Assert.Equal(ReasonCode.ECardForged, (await e.Settlement.SettleECardAsync(Bill(parts[0] + "." + otherPayload + "." + parts[2], 10_00), Ct)).Refusal?.Code);
        Assert.Equal(ReasonCode.ECardForged, (await e.Settlement.SettleECardAsync(Bill("MCE1.not.a-token", 10_00), Ct)).Refusal?.Code);
        using (var otherTemp = new TempPinKeys())
        using (PinKeyFile otherKeys = otherTemp.Open())
        {
            var foreign = new CardDesk(l.Store, new LedgerOptions { PinIterations = TestLedger.TestPinIterations, ECardKeys = otherKeys });
            string foreignToken = (await foreign.IssueECardAsync(e.Holder.CardNumber, e.Holder.ResidentId, Ct)).Token!;
            Assert.Equal(ReasonCode.ECardForged, (await e.Settlement.SettleECardAsync(Bill(foreignToken, 10_00), Ct)).Refusal?.Code);
        }

        Assert.Equal(ReasonCode.ECardNotAccepted, (await e.Settlement.SettleECardAsync(Bill(token, 10_00, TestLedger.Clinic), Ct)).Refusal?.Code);
        SettlementOutcome over = await e.Settlement.SettleECardAsync(Bill(token, 300_01), Ct);
        Assert.Equal(ReasonCode.ECardPinRequired, over.Refusal?.Code);
        Assert.Equal("ecard.pin_required", over.Refusal!.Key);

        // None of these used the token: it still settles, until it expires.
        e.Clock.Now += TimeSpan.FromMinutes(3);
        Assert.Equal(ReasonCode.ECardExpired, (await e.Settlement.SettleECardAsync(Bill(token, 10_00), Ct)).Refusal?.Code);
        e.Clock.Now -= TimeSpan.FromMinutes(3);
        Assert.True((await e.Settlement.SettleECardAsync(Bill(token, 300_00), Ct)).Settled);
        await l.AssertAuditOkAsync();
    }

    [StoreFact]
    public async Task A_lost_cards_e_card_is_refused_and_a_lost_card_gets_none()
    {
        using var temp = new TempPinKeys();
        using PinKeyFile keys = temp.Open();
        ECardScene e = await ECardSceneAsync(keys);
        await using TestLedger l = e.Ledger;
        string token = (await e.Desk.IssueECardAsync(e.Holder.CardNumber, e.Holder.ResidentId, Ct)).Token!;
        Assert.Equal(ReasonCode.IdentityMismatch, (await e.Desk.IssueECardAsync(e.Holder.CardNumber, TestLedger.ResidentIdFor(901), Ct)).Refusal?.Code);

        Assert.True((await e.Desk.ReportLossAsync(new LossReport(e.Holder.CardNumber, e.Holder.Name, e.Holder.ResidentId, LossChannel.Phone, TestLedger.Day)
        {
            Employer = TestLedger.Employer,
        }, Ct)).Succeeded);

        Assert.Equal(ReasonCode.CardReportedLost, (await e.Settlement.SettleECardAsync(Bill(token, 10_00), Ct)).Refusal?.Code);
        Assert.Equal(ReasonCode.CardReportedLost, (await e.Settlement.SettleECardAsync(
            new ECardPurchase(token, TestLedger.Covered(10_00), TestLedger.Hospital, VisitType.Emergency), Ct)).Refusal?.Code);
        Assert.Equal(ReasonCode.CardReportedLost, (await e.Desk.IssueECardAsync(e.Holder.CardNumber, e.Holder.ResidentId, Ct)).Refusal?.Code);
    }
}
