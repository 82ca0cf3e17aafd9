using System;
using System.Collections.Generic;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;
using MedCard.Protocol;
using MedCard.Settlement.Model;
using MedCard.Settlement.Rules;
using MedCard.Settlement.Services;
using MedCard.Settlement.Stores;
using Xunit;

namespace MedCard.Settlement.Tests.Infrastructure;

/// <summary>A migrated, seeded ledger on one store plus helpers to enrol people and build signed records.</summary>
public sealed class TestLedger : IAsyncDisposable
{
    /// <summary>Low PBKDF2 count so hundreds of settlements stay fast; the hash code path is identical.</summary>
    public const int TestPinIterations = 1000;

    public static readonly byte[] DefaultPin = [1, 2, 3, 4, 5, 6];
    public static readonly DateTimeOffset Day = new(2026, 3, 10, 9, 0, 0, TimeSpan.FromHours(8));

    public const string Hospital = "H-DESIGNATED";
    public const string Clinic = "H-NOT-DESIGNATED";

    public static readonly VisitPolicy Outpatient = new(100_00, 3000, 5_000_00);
    public static readonly VisitPolicy Inpatient = new(800_00, 1500, 200_000_00);
    public static readonly VisitPolicy Pharmacy = new(0, 2000, 3_000_00);
    public static readonly VisitPolicy Emergency = new(0, 1000, 100_000_00);

    private readonly Dictionary<uint, uint> _counters = new();
    private int _people;

    private TestLedger(ILedgerStore store)
    {
        Store = store;
        UsePinKeys(null);
    }

    public ILedgerStore Store { get; }

    public CardDesk Desk { get; private set; } = null!;

    public SettlementService Settlement { get; private set; } = null!;

    /// <summary>Re-creates the desk and the settlement service with <paramref name="keys"/> as the PIN key store (null:
    /// PBKDF2 only), as a deployment does when it configures keyed PIN verification on an existing ledger.</summary>
    public void UsePinKeys(IPinVerificationKeyStore? keys)
    {
        var options = new LedgerOptions { PinIterations = TestPinIterations, PinKeys = keys };
        Desk = new CardDesk(Store, options);
        Settlement = new SettlementService(Store, options);
    }

    /// <summary>The card's stored PIN credential, read as a thief of the ledger would (no key involved).</summary>
    public Task<PinCredential> StoredPinAsync(string cardNumber) =>
        Store.InTransactionAsync(async (s, _) => (await s.GetPinCredentialAsync(cardNumber).ConfigureAwait(false))!, Ct);

    public static CancellationToken Ct => CancellationToken.None;

    public static async Task<TestLedger> CreateAsync(ILedgerStore store)
    {
        await store.MigrateAsync(Ct);
        var ledger = new TestLedger(store);
        await ledger.Desk.RegisterInstitutionAsync(new Institution(Hospital, "City Hospital", true), Ct);
        await ledger.Desk.RegisterInstitutionAsync(new Institution(Clinic, "Private Clinic", false), Ct);
        await ledger.Desk.SetPolicyAsync(VisitType.Outpatient, Outpatient, Ct);
        await ledger.Desk.SetPolicyAsync(VisitType.Inpatient, Inpatient, Ct);
        await ledger.Desk.SetPolicyAsync(VisitType.Pharmacy, Pharmacy, Ct);
        await ledger.Desk.SetPolicyAsync(VisitType.Emergency, Emergency, Ct);
        return ledger;
    }

    /// <summary>The employer every test holder is enrolled with (a phone loss report must name it).</summary>
    public const string Employer = "Acme Ltd";

    /// <summary>A valid resident ID for person number <paramref name="n"/>.</summary>
    public static string ResidentIdFor(int n)
    {
        string first17 = "11010119800101" + n.ToString("000", CultureInfo.InvariantCulture);
        return first17 + ResidentId.ComputeCheckCharacter(first17);
    }

    public sealed record Holder(string ResidentId, string Name, string CardNumber, byte[] Uid);

    public async Task<Holder> EnrolAsync(long openingBalance, string? name = null)
    {
        int n = Interlocked.Increment(ref _people);
        var holder = new Holder(ResidentIdFor(n), name ?? "Holder " + n, "C" + n.ToString("0000000", CultureInfo.InvariantCulture),
            [0x04, (byte)n, (byte)(n >> 8), 0xA0]);
        using var pin = new PinDigits(DefaultPin);
        DeskResult result = await Desk.EnrolAsync(new Enrolment(holder.ResidentId, holder.Name, Gender.Female, Employer,
            holder.CardNumber, holder.Uid, pin, openingBalance), Ct);
        Assert.True(result.Succeeded, result.ToString());
        return holder;
    }

    public VerifiedTransaction Record(string cardNumber, byte[] uid, long amount, uint reader = 1, DateTimeOffset? time = null)
    {
        uint counter;
        lock (_counters)
        {
            _counters.TryGetValue(reader, out counter);
            counter++;
            _counters[reader] = counter;
        }

        return new VerifiedTransaction(reader, counter, uid, cardNumber, amount, time ?? Day);
    }

    public static BillItem[] Covered(long amount) => [new BillItem("X1", "consultation", ItemClass.Covered, amount)];

    public Task<SettlementOutcome> SettleAsync(Holder h, long amount, VisitType visit = VisitType.Outpatient, string institution = Hospital,
        byte[]? pin = null, string? relative = null, uint reader = 1, DateTimeOffset? time = null) =>
        SettleAsync(h.CardNumber, h.Uid, Covered(amount), visit, institution, pin, relative, reader, time);

    public async Task<SettlementOutcome> SettleAsync(string cardNumber, byte[] uid, BillItem[] items, VisitType visit = VisitType.Outpatient,
        string institution = Hospital, byte[]? pin = null, string? relative = null, uint reader = 1, DateTimeOffset? time = null)
    {
        long total = 0;
        foreach (BillItem i in items)
        {
            total += i.Amount;
        }

        using var digits = new PinDigits(pin ?? DefaultPin);
        return await Settlement.SettleAsync(
            new SettlementRequest(Record(cardNumber, uid, total, reader, time), items, institution, visit, digits, relative), Ct);
    }

    public async Task<long> BalanceAsync(string residentId) => (await Desk.GetPersonAsync(residentId, Ct))!.Balance;

    public async Task AssertAuditOkAsync()
    {
        AuditReport report = await LedgerAudit.VerifyAsync(Store, Ct);
        Assert.True(report.Ok, report.ToString());
        Assert.Equal(0, report.PostingTotal);
    }

    public ValueTask DisposeAsync() => Store.DisposeAsync();
}
