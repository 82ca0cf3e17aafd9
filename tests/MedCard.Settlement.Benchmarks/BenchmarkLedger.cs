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

namespace MedCard.Settlement.Benchmarks;

/// <summary>A seeded ledger with enough cards that N settlements never reach the 60-record limit.</summary>
internal sealed class BenchmarkLedger
{
    private static readonly byte[] Pin = [2, 0, 2, 6, 1, 1];
    private readonly List<(string Number, byte[] Uid)> _cards = new();
    private uint _counter;

    private BenchmarkLedger(ILedgerStore store, int pinIterations, IPinVerificationKeyStore? pinKeys)
    {
        Store = store;
        var options = new LedgerOptions { PinIterations = pinIterations, PinKeys = pinKeys };
        Desk = new CardDesk(store, options);
        Settlement = new SettlementService(store, options);
    }

    public ILedgerStore Store { get; }

    public CardDesk Desk { get; }

    public SettlementService Settlement { get; }

    /// <summary>With <paramref name="pinKeys"/> the PINs are keyed verification values (the production check), without
    /// PBKDF2 hashes with <paramref name="pinIterations"/>.</summary>
    public static async Task<BenchmarkLedger> CreateAsync(ILedgerStore store, int cards, int pinIterations, int firstPerson, CancellationToken ct,
        IPinVerificationKeyStore? pinKeys = null)
    {
        await store.MigrateAsync(ct);
        var ledger = new BenchmarkLedger(store, pinIterations, pinKeys);
        await ledger.Desk.RegisterInstitutionAsync(new Institution("H1", "City Hospital", true), ct);
        await ledger.Desk.SetPolicyAsync(VisitType.Outpatient, new VisitPolicy(100_00, 3000, 5_000_00), ct);
        for (int i = 0; i < cards; i++)
        {
            int n = firstPerson + i;
            // A real birth date (the ledger checks it): one day per thousand people from 1950 on, then a sequence number.
            string born = new DateOnly(1950, 1, 1).AddDays(n / 1000).ToString("yyyyMMdd", CultureInfo.InvariantCulture);
            string first17 = "310101" + born + (n % 1000).ToString("000", CultureInfo.InvariantCulture);
            string id = first17 + ResidentId.ComputeCheckCharacter(first17);
            string number = "B" + n.ToString("0000000", CultureInfo.InvariantCulture);
            byte[] uid = [0x04, (byte)n, (byte)(n >> 8), (byte)(n >> 16)];
            using var pin = new PinDigits(Pin);
            var result = await ledger.Desk.EnrolAsync(new Enrolment(id, "Bench " + n, Gender.Unspecified, "Bench Ltd", number, uid, pin, 500_00), ct);
            if (!result.Succeeded)
            {
                throw new InvalidOperationException("Seeding failed: " + result);
            }

            ledger._cards.Add((number, uid));
        }

        return ledger;
    }

    /// <summary>Prints every card's statement so the next run starts below the 60-record limit.</summary>
    public async Task PrintAllAsync(CancellationToken ct)
    {
        foreach ((string number, _) in _cards)
        {
            await Desk.PrintStatementAsync(number, ct);
        }
    }

    /// <summary>One settlement on card <paramref name="index"/> modulo the card count, from reader <paramref name="reader"/>.</summary>
    public async Task SettleAsync(int index, uint reader, CancellationToken ct)
    {
        (string number, byte[] uid) = _cards[index % _cards.Count];
        uint counter = Interlocked.Increment(ref _counter);
        long amount = 10_00 + index % 500;
        using var pin = new PinDigits(Pin);
        var request = new SettlementRequest(new VerifiedTransaction(reader, counter, uid, number, amount, DateTimeOffset.UtcNow),
            [new BillItem("CONSULT", "consultation", ItemClass.Covered, amount)], "H1", VisitType.Outpatient, pin);
        SettlementOutcome outcome = await Settlement.SettleAsync(request, ct);
        if (!outcome.Settled)
        {
            throw new InvalidOperationException("Benchmark settlement refused: " + outcome);
        }
    }
}
