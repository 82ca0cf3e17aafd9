using System;
using System.Linq;
using System.Threading.Tasks;
using MedCard.Protocol;
using MedCard.Settlement.Ledger;
using MedCard.Settlement.Model;
using MedCard.Settlement.Rules;
using MedCard.Settlement.Services;
using MedCard.Settlement.Statements;
using MedCard.Settlement.Stores;
using MedCard.Settlement.Tests.Infrastructure;
using Xunit;

namespace MedCard.Settlement.Tests;

/// <summary>Enrolment and store-level guards.</summary>
public abstract partial class LedgerSuite
{
    [StoreFact]
    public async Task Enrolment_validates_the_resident_id_check_character_and_refuses_duplicates()
    {
        await using TestLedger l = await NewLedgerAsync();
        string valid = TestLedger.ResidentIdFor(42);
        char wrongCheck = valid[17] == '0' ? '1' : '0';
        using var pin = new PinDigits(TestLedger.DefaultPin);
        DeskResult bad = await l.Desk.EnrolAsync(new Enrolment(valid[..17] + wrongCheck, "A", Gender.Male, "E", "CX", [1, 2, 3], pin), Ct);
        Assert.Equal(ReasonCode.InvalidResidentId, bad.Refusal!.Code);

        TestLedger.Holder h = await l.EnrolAsync(0);
        DeskResult dupCard = await l.Desk.EnrolAsync(new Enrolment(valid, "A", Gender.Male, "E", h.CardNumber, [7, 7, 7], pin), Ct);
        Assert.Equal(ReasonCode.AlreadyExists, dupCard.Refusal!.Code);
        DeskResult dupPerson = await l.Desk.EnrolAsync(new Enrolment(h.ResidentId, "A", Gender.Male, "E", "CY", [7, 7, 8], pin), Ct);
        Assert.Equal(ReasonCode.AlreadyExists, dupPerson.Refusal!.Code);
    }

    [StoreFact]
    public async Task The_store_itself_refuses_a_negative_personal_balance()
    {
        await using TestLedger l = await NewLedgerAsync();
        TestLedger.Holder h = await l.EnrolAsync(10_00);
        await Assert.ThrowsAnyAsync<System.Data.Common.DbException>(() =>
            l.Store.InTransactionAsync(async (s, _) =>
            {
                // The write is queued and sent at commit: the CHECK still refuses it there.
                await s.AddToBalanceAsync(h.ResidentId, -10_01);
                return 0;
            }, Ct));
        Assert.Equal(10_00, await l.BalanceAsync(h.ResidentId));
    }
}
