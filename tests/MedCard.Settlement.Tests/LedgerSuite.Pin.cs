using System;
using System.Linq;
using System.Threading.Tasks;
using MedCard.Settlement.Ledger;
using MedCard.Settlement.Model;
using MedCard.Settlement.Rules;
using MedCard.Settlement.Services;
using MedCard.Settlement.Statements;
using MedCard.Settlement.Stores;
using MedCard.Settlement.Tests.Infrastructure;
using Xunit;

namespace MedCard.Settlement.Tests;

/// <summary>PIN tries, blocking, reset and change.</summary>
public abstract partial class LedgerSuite
{
    [StoreFact]
    public async Task Three_wrong_pins_block_the_card_until_the_desk_resets_it_with_the_id()
    {
        await using TestLedger l = await NewLedgerAsync();
        TestLedger.Holder h = await l.EnrolAsync(1_000_00);
        byte[] wrong = [9, 9, 9, 9, 9, 9];

        SettlementOutcome w1 = await l.SettleAsync(h, 10_00, pin: wrong);
        SettlementOutcome w2 = await l.SettleAsync(h, 10_00, pin: wrong);
        Assert.Equal(ReasonCode.PinWrong, w1.Refusal!.Code);
        Assert.Equal(2, w1.Refusal.PinTriesLeft);
        Assert.Equal(1, w2.Refusal!.PinTriesLeft);
        SettlementOutcome w3 = await l.SettleAsync(h, 10_00, pin: wrong);
        Assert.Equal(ReasonCode.PinBlocked, w3.Refusal!.Code);
        Assert.Equal(0, w3.Refusal.PinTriesLeft);
        Assert.Equal(CardStatus.PinBlocked, (await l.Desk.GetCardAsync(h.CardNumber, Ct))!.Status);

        // Blocked means blocked: the right PIN does not help, and no try is consumed.
        Assert.Equal(ReasonCode.PinBlocked, (await l.SettleAsync(h, 10_00)).Refusal!.Code);
        Assert.Equal(1_000_00, await l.BalanceAsync(h.ResidentId));

        using var newPin = new PinDigits([4, 3, 2, 1]);
        Assert.Equal(ReasonCode.IdentityMismatch,
            (await l.Desk.ResetPinAsync(h.CardNumber, TestLedger.ResidentIdFor(999), newPin, Ct)).Refusal!.Code);
        Assert.True((await l.Desk.ResetPinAsync(h.CardNumber, h.ResidentId, newPin, Ct)).Succeeded);
        Assert.Equal(ReasonCode.PinWrong, (await l.SettleAsync(h, 10_00)).Refusal!.Code);
        Assert.True((await l.SettleAsync(h, 10_00, pin: [4, 3, 2, 1])).Settled);
        Assert.Equal(CardRules.PinTries, (await l.Desk.GetCardAsync(h.CardNumber, Ct))!.PinTriesLeft);
    }

    [StoreFact]
    public async Task A_right_pin_restores_the_tries_and_the_pin_can_be_changed_with_the_old_one()
    {
        await using TestLedger l = await NewLedgerAsync();
        TestLedger.Holder h = await l.EnrolAsync(1_000_00);
        Assert.Equal(ReasonCode.PinWrong, (await l.SettleAsync(h, 10_00, pin: [0, 0, 0, 0])).Refusal!.Code);
        Assert.Equal(2, (await l.Desk.GetCardAsync(h.CardNumber, Ct))!.PinTriesLeft);
        Assert.True((await l.SettleAsync(h, 10_00)).Settled);
        Assert.Equal(3, (await l.Desk.GetCardAsync(h.CardNumber, Ct))!.PinTriesLeft);

        using var bad = new PinDigits([5, 5, 5, 5]);
        using var old = new PinDigits(TestLedger.DefaultPin);
        using var fresh = new PinDigits([2, 4, 6, 8, 0]);
        DeskResult refused = await l.Desk.ChangePinAsync(h.CardNumber, bad, fresh, Ct);
        Assert.Equal(ReasonCode.PinWrong, refused.Refusal!.Code);
        Assert.Equal(2, refused.Refusal.PinTriesLeft);
        Assert.True((await l.Desk.ChangePinAsync(h.CardNumber, old, fresh, Ct)).Succeeded);
        Assert.Equal(ReasonCode.PinWrong, (await l.SettleAsync(h, 10_00)).Refusal!.Code);
        Assert.True((await l.SettleAsync(h, 10_00, pin: [2, 4, 6, 8, 0])).Settled);
    }

    [StoreFact]
    public async Task Concurrent_right_pins_on_one_card_never_read_as_blocked()
    {
        // The try is spent and given back under the card's row lock: eight right PINs at once (eight readers) each see
        // the tries the finished attempts left, never a try held by an attempt still comparing. With the try committed
        // on its own before the compare, the fourth of them read zero tries and answered "blocked".
        await using TestLedger l = await NewLedgerAsync();
        TestLedger.Holder h = await l.EnrolAsync(100_00);
        PinVerification[] all = await Task.WhenAll(Enumerable.Range(1, 8).Select(async reader =>
        {
            await Task.Yield();
            using var digits = new PinDigits(TestLedger.DefaultPin);
            return await l.Desk.VerifyPinAsync(h.CardNumber, digits, (uint)reader, Ct);
        }));
        Assert.All(all, v => Assert.Equal(PinVerificationStatus.Correct, v.Status));
        Assert.Equal(CardRules.PinTries, (await l.Desk.GetCardAsync(h.CardNumber, Ct))!.PinTriesLeft);
    }

    [StoreFact]
    public async Task Concurrent_wrong_pins_spend_exactly_the_tries_there_are()
    {
        await using TestLedger l = await NewLedgerAsync();
        TestLedger.Holder h = await l.EnrolAsync(100_00);
        PinVerification[] all = await Task.WhenAll(Enumerable.Range(1, 8).Select(async reader =>
        {
            await Task.Yield();
            using var digits = new PinDigits([9, 9, 9, 9, 9, 9]);
            return await l.Desk.VerifyPinAsync(h.CardNumber, digits, (uint)reader, Ct);
        }));
        Assert.Equal(CardRules.PinTries - 1, all.Count(v => v.Status == PinVerificationStatus.Wrong));
        Assert.Equal(8 - (CardRules.PinTries - 1), all.Count(v => v.Status == PinVerificationStatus.Blocked));
        Assert.Equal(0, (await l.Desk.GetCardAsync(h.CardNumber, Ct))!.PinTriesLeft);
    }
}
