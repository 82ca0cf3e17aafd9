using System;
using System.Security.Cryptography;
using System.Threading;
using System.Threading.Tasks;
using MedCard.Settlement.Model;
using MedCard.Settlement.Rules;
using MedCard.Settlement.Services;
using MedCard.Settlement.Stores;
using MedCard.Simulator.InProcess;

namespace MedCard.LoadTest;

/// <summary>
/// The ledger a load run starts from, set up the way a scheme office and `medcard provision` would: policies, one
/// designated institution, the shared family payers, one holder per reader bound to a payer, and every reader provisioned
/// (flash in its folder, key in the readers table).
/// </summary>
public static class LoadLedger
{
    public static async Task SetUpAsync(ILedgerStore store, LedgerOptions options, LoadPlan plan, CancellationToken ct)
    {
        await store.MigrateAsync(ct).ConfigureAwait(false);
        var desk = new CardDesk(store, options);
        await desk.SetPolicyAsync(VisitType.Outpatient, new VisitPolicy(0, 3000, 100_000_000), ct).ConfigureAwait(false);
        await desk.SetPolicyAsync(VisitType.Pharmacy, new VisitPolicy(0, 2000, 100_000_000), ct).ConfigureAwait(false);
        await desk.SetPolicyAsync(VisitType.Emergency, new VisitPolicy(0, 1000, 100_000_000), ct).ConfigureAwait(false);
        await desk.RegisterInstitutionAsync(new Institution(LoadPlan.Institution, "City Hospital", Designated: true), ct).ConfigureAwait(false);
        for (int i = 0; i < LoadPlan.Payers; i++)
        {
            string id = LoadPlan.Payer(i);
            byte[] uid = [0x04, 0xFE, (byte)i, 0x5B];
            await EnrolAsync(desk, id, "Payer " + i, "LP" + i, uid, LoadPlan.PayerOpeningBalance, ct).ConfigureAwait(false);
        }

        var readers = new ReaderDesk(store);
        for (int host = 0; host < plan.Hosts; host++)
        {
            for (int r = 0; r < plan.ReadersPerHost; r++)
            {
                uint readerId = LoadPlan.ReaderId(host, r);
                (string residentId, string name, string card, byte[] uid) = LoadPlan.Holder(readerId);
                await EnrolAsync(desk, residentId, name, card, uid, LoadPlan.HolderOpeningBalance, ct).ConfigureAwait(false);
                DeskResult bound = await desk.BindRelativeAsync(LoadPlan.PayerOf(readerId), residentId, Relation.Parent, ct).ConfigureAwait(false);
                Check(bound, "binding " + residentId);
                byte[] key = RandomNumberGenerator.GetBytes(32);
                SimulatedReaderFlash.Provision(plan.ReaderFolder(readerId), readerId, key, await readers.RegisterAsync(readerId, key, ct).ConfigureAwait(false));
                CryptographicOperations.ZeroMemory(key);
            }
        }
    }

    /// <summary>Enrols a person with a card and <see cref="LoadPlan.FirstPin"/>.</summary>
    private static async Task EnrolAsync(CardDesk desk, string residentId, string name, string card, byte[] uid, long balance, CancellationToken ct)
    {
        using PinDigits pin = LoadPin.Digits(LoadPlan.FirstPin);
        var enrolment = new Enrolment(residentId, name, MedCard.Protocol.Gender.Female, LoadPlan.Employer, card, uid, pin, balance);
        Check(await desk.EnrolAsync(enrolment, ct).ConfigureAwait(false), "enrolment of " + residentId);
    }

    private static void Check(DeskResult result, string what)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(what + " refused: " + result.Refusal);
        }
    }
}
