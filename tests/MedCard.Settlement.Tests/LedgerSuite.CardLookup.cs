using System;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using MedCard.Settlement.Model;
using MedCard.Settlement.Rules;
using MedCard.Settlement.Services;
using MedCard.Settlement.Stores;
using MedCard.Settlement.Tests.Infrastructure;
using Xunit;

namespace MedCard.Settlement.Tests;

/// <summary>Card-number lookup by resident ID and lookup password (default: the birth date), limited like PIN tries.</summary>
public abstract partial class LedgerSuite
{
    private static PinDigits Digits(string text) => new(text.Select(c => (byte)(c - '0')).ToArray());

    [StoreFact]
    public async Task The_birth_date_finds_the_card_number_and_nothing_else()
    {
        await using TestLedger l = await NewLedgerAsync();
        TestLedger.Holder h = await l.EnrolAsync(100_00);
        using PinDigits birth = Digits(h.ResidentId.Substring(6, 8));

        CardLookup found = await l.Desk.LookupCardNumberAsync(h.ResidentId, birth, Ct);

        Assert.True(found.Succeeded, found.Refusal?.ToString());
        Assert.Equal(h.CardNumber, found.CardNumber);
        Assert.Equal(CardStatus.Active, found.Status);

        // After a replacement the lookup names the new card; a lost card shows as reported lost.
        Assert.True((await l.Desk.ReportLossAsync(new LossReport(string.Empty, string.Empty, h.ResidentId, LossChannel.Written, TestLedger.Day), Ct)).Succeeded);
        Assert.Equal(CardStatus.ReportedLost, (await l.Desk.LookupCardNumberAsync(h.ResidentId, birth, Ct)).Status);
        using var pin = new PinDigits([1, 2, 3, 4]);
        Assert.True((await l.Desk.ReplaceCardAsync(new CardReplacement(h.CardNumber, h.ResidentId, "R1", [0x04, 0x77, 0x77, 0x77], pin, TestLedger.Day), Ct)).Succeeded);
        CardLookup replaced = await l.Desk.LookupCardNumberAsync(h.ResidentId, birth, Ct);
        Assert.Equal("R1", replaced.CardNumber);
        Assert.Equal(CardStatus.Active, replaced.Status);
    }

    [StoreFact]
    public async Task Wrong_lookup_passwords_are_limited_like_pin_tries_and_a_desk_resets_them()
    {
        await using TestLedger l = await NewLedgerAsync();
        TestLedger.Holder h = await l.EnrolAsync(0);
        using PinDigits birth = Digits(h.ResidentId.Substring(6, 8));
        using PinDigits wrong = Digits("19991231");

        CardLookup first = await l.Desk.LookupCardNumberAsync(h.ResidentId, wrong, Ct);
        Assert.Equal(ReasonCode.LookupPasswordWrong, first.Refusal?.Code);
        Assert.Equal(CardRules.PinTries - 1, first.Refusal!.PinTriesLeft);
        Assert.Null(first.CardNumber);

        // A right password gives the tries back, as a right PIN does.
        Assert.True((await l.Desk.LookupCardNumberAsync(h.ResidentId, birth, Ct)).Succeeded);
        for (int i = CardRules.PinTries - 1; i >= 1; i--)
        {
            Assert.Equal(i, (await l.Desk.LookupCardNumberAsync(h.ResidentId, wrong, Ct)).Refusal!.PinTriesLeft);
        }

        CardLookup last = await l.Desk.LookupCardNumberAsync(h.ResidentId, wrong, Ct);
        Assert.Equal(ReasonCode.LookupBlocked, last.Refusal?.Code);
        Assert.Equal(0, last.Refusal!.PinTriesLeft);
        // Blocked: even the right password is refused, and no try is spent or restored.
        CardLookup blocked = await l.Desk.LookupCardNumberAsync(h.ResidentId, birth, Ct);
        Assert.Equal(ReasonCode.LookupBlocked, blocked.Refusal?.Code);
        Assert.Null(blocked.CardNumber);

        Assert.True((await l.Desk.ResetLookupPasswordAsync(h.ResidentId, Ct)).Succeeded);
        Assert.Equal(h.CardNumber, (await l.Desk.LookupCardNumberAsync(h.ResidentId, birth, Ct)).CardNumber);
        // The card's PIN tries are another counter: untouched.
        Assert.Equal(CardRules.PinTries, (await l.Desk.GetCardAsync(h.CardNumber, Ct))!.PinTriesLeft);
    }

    [StoreFact]
    public async Task A_changed_lookup_password_replaces_the_birth_date_and_is_stored_hashed()
    {
        await using TestLedger l = await NewLedgerAsync();
        TestLedger.Holder h = await l.EnrolAsync(0);
        using PinDigits birth = Digits(h.ResidentId.Substring(6, 8));
        using PinDigits chosen = Digits("73915046");

        Assert.Equal(ReasonCode.LookupPasswordWrong, (await l.Desk.ChangeLookupPasswordAsync(h.ResidentId, chosen, chosen, Ct)).Refusal?.Code);
        Assert.True((await l.Desk.ChangeLookupPasswordAsync(h.ResidentId, birth, chosen, Ct)).Succeeded);

        Assert.Equal(ReasonCode.LookupPasswordWrong, (await l.Desk.LookupCardNumberAsync(h.ResidentId, birth, Ct)).Refusal?.Code);
        CardLookup found = await l.Desk.LookupCardNumberAsync(h.ResidentId, chosen, Ct);
        Assert.Equal(h.CardNumber, found.CardNumber);

        // What a thief of the ledger reads: a salted hash, not the digits.
        LookupPassword? stored = await l.Store.InTransactionAsync((s, _) => s.GetLookupPasswordAsync(h.ResidentId), Ct);
        Assert.NotNull(stored?.Credential);
        Assert.Equal(CardRules.PinTries, stored!.TriesLeft);
        string asText = Encoding.ASCII.GetString(stored.Credential!.Hash) + Convert.ToHexString(stored.Credential.Hash);
        Assert.DoesNotContain("73915046", asText, StringComparison.Ordinal);
        Assert.NotEmpty(stored.Credential.Hash);

        // A desk reset goes back to the default.
        Assert.True((await l.Desk.ResetLookupPasswordAsync(h.ResidentId, Ct)).Succeeded);
        Assert.True((await l.Desk.LookupCardNumberAsync(h.ResidentId, birth, Ct)).Succeeded);
    }

    [StoreFact]
    public async Task Lookups_for_unknown_or_impossible_ids_are_refused()
    {
        await using TestLedger l = await NewLedgerAsync();
        using PinDigits any = Digits("19800101");
        Assert.Equal(ReasonCode.UnknownPerson, (await l.Desk.LookupCardNumberAsync(TestLedger.ResidentIdFor(777), any, Ct)).Refusal?.Code);
        const string First17 = "11010119800230001"; // 30 February
        string impossible = First17 + MedCard.Protocol.ResidentId.ComputeCheckCharacter(First17);
        Assert.Equal(ReasonCode.InvalidResidentId, (await l.Desk.LookupCardNumberAsync(impossible, any, Ct)).Refusal?.Code);
    }
}
