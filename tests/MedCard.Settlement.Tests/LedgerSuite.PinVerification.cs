using System;
using System.Threading.Tasks;
using MedCard.Settlement.Model;
using MedCard.Settlement.Rules;
using MedCard.Settlement.Services;
using MedCard.Settlement.Tests.Infrastructure;
using Xunit;

namespace MedCard.Settlement.Tests;

/// <summary>The PIN checked before the reader signs (CardDesk.VerifyPinAsync) and the token that hands the
/// result to the settlement of the record signed next.</summary>
public abstract partial class LedgerSuite
{
    private static readonly byte[] WrongPin = [9, 9, 9, 9, 9, 9];

    private static async Task<PinVerification> VerifyAsync(TestLedger l, TestLedger.Holder h, byte[] pin, uint reader = 1)
    {
        using var digits = new PinDigits(pin);
        return await l.Desk.VerifyPinAsync(h.CardNumber, digits, reader, Ct);
    }

    private static SettlementRequest WithToken(TestLedger l, TestLedger.Holder h, long amount, PinVerificationToken? token, uint reader = 1) =>
        new(l.Record(h.CardNumber, h.Uid, amount, reader), TestLedger.Covered(amount), TestLedger.Hospital, VisitType.Outpatient, null)
        {
            VerifiedPin = token,
        };

    [StoreFact]
    public async Task A_wrong_pin_checked_before_signing_spends_a_try_and_gives_no_token()
    {
        await using TestLedger l = await NewLedgerAsync();
        TestLedger.Holder h = await l.EnrolAsync(100_00);

        PinVerification wrong = await VerifyAsync(l, h, WrongPin);

        Assert.Equal(PinVerificationStatus.Wrong, wrong.Status);
        Assert.Equal(2, wrong.TriesLeft);
        Assert.Null(wrong.Token);
        Assert.Equal(ReasonCode.PinWrong, wrong.Refusal!.Code);
        Assert.Equal(2, (await l.Desk.GetCardAsync(h.CardNumber, Ct))!.PinTriesLeft);
        Assert.Equal(100_00, await l.BalanceAsync(h.ResidentId));
    }

    [StoreFact]
    public async Task Three_wrong_pins_before_signing_block_the_card_and_the_right_pin_then_spends_nothing()
    {
        await using TestLedger l = await NewLedgerAsync();
        TestLedger.Holder h = await l.EnrolAsync(100_00);

        Assert.Equal(PinVerificationStatus.Wrong, (await VerifyAsync(l, h, WrongPin)).Status);
        Assert.Equal(1, (await VerifyAsync(l, h, WrongPin)).TriesLeft);
        PinVerification third = await VerifyAsync(l, h, WrongPin);
        Assert.Equal(PinVerificationStatus.Blocked, third.Status);
        Assert.Equal(CardStatus.PinBlocked, (await l.Desk.GetCardAsync(h.CardNumber, Ct))!.Status);

        PinVerification right = await VerifyAsync(l, h, TestLedger.DefaultPin);
        Assert.Equal(PinVerificationStatus.Blocked, right.Status);
        Assert.Null(right.Token);
        Assert.Equal(0, (await l.Desk.GetCardAsync(h.CardNumber, Ct))!.PinTriesLeft);
    }

    [StoreFact]
    public async Task A_right_pin_restores_the_tries_and_its_token_settles_the_next_record_once_without_a_pin()
    {
        await using TestLedger l = await NewLedgerAsync();
        TestLedger.Holder h = await l.EnrolAsync(100_00);
        Assert.Equal(PinVerificationStatus.Wrong, (await VerifyAsync(l, h, WrongPin)).Status);

        PinVerification right = await VerifyAsync(l, h, TestLedger.DefaultPin);
        Assert.Equal(PinVerificationStatus.Correct, right.Status);
        Assert.NotNull(right.Token);
        Assert.Equal(CardRules.PinTries, (await l.Desk.GetCardAsync(h.CardNumber, Ct))!.PinTriesLeft);

        SettlementRequest request = WithToken(l, h, 30_00, right.Token);
        SettlementOutcome settled = await l.Settlement.SettleAsync(request, Ct);
        Assert.True(settled.Settled, settled.Refusal?.Message);
        Assert.True(right.Token!.IsSpent);
        Assert.Equal(CardRules.PinTries, (await l.Desk.GetCardAsync(h.CardNumber, Ct))!.PinTriesLeft);
        Assert.Equal(1, (await l.Desk.GetCardAsync(h.CardNumber, Ct))!.UnprintedCount);

        // The same record delivered again gets the stored answer; nothing is posted twice.
        SettlementOutcome again = await l.Settlement.SettleAsync(request, Ct);
        Assert.True(again.Duplicate);
        Assert.Equal(100_00 - settled.OwnAccount, await l.BalanceAsync(h.ResidentId));

        // A spent token vouches for no further record, and that record keeps its slot for a real PIN check.
        SettlementRequest next = WithToken(l, h, 10_00, right.Token);
        SettlementOutcome reused = await l.Settlement.SettleAsync(next, Ct);
        Assert.Equal(ReasonCode.InvalidRequest, reused.Refusal!.Code);
        using var pin = new PinDigits(TestLedger.DefaultPin);
        Assert.True((await l.Settlement.SettleAsync(next with { Pin = pin, VerifiedPin = null }, Ct)).Settled);
        await l.AssertAuditOkAsync();
    }

    [StoreFact]
    public async Task A_token_vouches_only_for_its_card_its_reader_and_records_signed_after_it()
    {
        await using TestLedger l = await NewLedgerAsync();
        TestLedger.Holder h = await l.EnrolAsync(100_00);
        TestLedger.Holder other = await l.EnrolAsync(100_00);
        SettlementRequest old = WithToken(l, h, 10_00, null) with { Pin = new PinDigits(TestLedger.DefaultPin), VerifiedPin = null };
        Assert.True((await l.Settlement.SettleAsync(old, Ct)).Settled); // reader 1 is now at counter 1

        PinVerificationToken forOther = (await VerifyAsync(l, other, TestLedger.DefaultPin)).Token!;
        Assert.Equal(ReasonCode.InvalidRequest, (await l.Settlement.SettleAsync(WithToken(l, h, 10_00, forOther), Ct)).Refusal!.Code);

        PinVerificationToken onReader2 = (await VerifyAsync(l, h, TestLedger.DefaultPin, reader: 2)).Token!;
        Assert.Equal(ReasonCode.InvalidRequest, (await l.Settlement.SettleAsync(WithToken(l, h, 10_00, onReader2), Ct)).Refusal!.Code);

        // A record at or below the reader's last counter at verification time was not signed after this PIN entry:
        // its re-delivery gets the stored answer and does not spend the token.
        PinVerificationToken current = (await VerifyAsync(l, h, TestLedger.DefaultPin)).Token!;
        Assert.Equal(1, current.LastCounterAtVerification);
        var stale = new SettlementRequest(old.Transaction with { Counter = 1 }, old.Items, old.InstitutionId, old.VisitType, null)
        {
            VerifiedPin = current,
        };
        SettlementOutcome staleOutcome = await l.Settlement.SettleAsync(stale, Ct);
        Assert.True(staleOutcome.Duplicate);
        Assert.False(current.IsSpent);
        Assert.True((await l.Settlement.SettleAsync(WithToken(l, h, 10_00, current), Ct)).Settled);
    }

    [StoreFact]
    public async Task An_expired_token_is_refused_and_the_pin_must_be_typed_again()
    {
        await using TestLedger l = await NewLedgerAsync();
        TestLedger.Holder h = await l.EnrolAsync(100_00);
        var clock = new SteppedClock(DateTimeOffset.UtcNow);
        var options = new LedgerOptions { PinIterations = TestLedger.TestPinIterations, Clock = clock };
        var desk = new CardDesk(l.Store, options);
        var settlement = new SettlementService(l.Store, options);
        using var pin = new PinDigits(TestLedger.DefaultPin);
        PinVerificationToken token = (await desk.VerifyPinAsync(h.CardNumber, pin, 1, Ct)).Token!;

        clock.Advance(options.PinVerificationLifetime + TimeSpan.FromSeconds(1));
        SettlementOutcome late = await settlement.SettleAsync(WithToken(l, h, 10_00, token), Ct);

        Assert.Equal(ReasonCode.InvalidRequest, late.Refusal!.Code);
        Assert.Contains("expired", late.Refusal.Message, StringComparison.Ordinal);
        Assert.Equal(100_00, await l.BalanceAsync(h.ResidentId));
    }

    [StoreFact]
    public async Task Unknown_and_replaced_cards_are_answered_without_a_pin_check_and_both_pin_forms_at_once_are_refused()
    {
        await using TestLedger l = await NewLedgerAsync();
        TestLedger.Holder h = await l.EnrolAsync(100_00);
        using var pin = new PinDigits(TestLedger.DefaultPin);
        Assert.Equal(PinVerificationStatus.UnknownCard, (await l.Desk.VerifyPinAsync("NOPE0001", pin, 1, Ct)).Status);

        PinVerificationToken token = (await VerifyAsync(l, h, TestLedger.DefaultPin)).Token!;
        SettlementRequest both = WithToken(l, h, 10_00, token) with { Pin = pin };
        await Assert.ThrowsAsync<ArgumentException>(() => l.Settlement.SettleAsync(both, Ct));
        SettlementRequest neither = WithToken(l, h, 10_00, null);
        await Assert.ThrowsAsync<ArgumentException>(() => l.Settlement.SettleAsync(neither, Ct));
    }

    private sealed class SteppedClock(DateTimeOffset start) : TimeProvider
    {
        private DateTimeOffset _now = start;

        public override DateTimeOffset GetUtcNow() => _now;

        public void Advance(TimeSpan by) => _now += by;
    }
}
