using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using MedCard.Settlement.Ledger;
using MedCard.Settlement.Model;
using MedCard.Settlement.Rules;
using MedCard.Settlement.Stores;

namespace MedCard.Settlement.Services;

/// <summary>
/// Remote (cross-region) direct settlement and the clearing between regional funds it leaves behind.
/// </summary>
public sealed partial class SettlementService
{
    /// <summary>Where the settlement's holder is insured and where they are treated (home/home when nothing else is known).</summary>
    private sealed partial record Checked
    {
        public RegionRoute Route { get; init; } = RegionRoute.Home;
    }

    /// <summary>
    /// THE cross-region rule, in this one place. A person insured in one region and treated in another is settled
    /// directly at the institution, as the scheme's cross-region direct settlement prescribes: the bill's items keep the
    /// classes the institution sent (the treatment region's catalogue decides what is covered, partly or fully self-paid),
    /// while the deductible, co-payment ratio and cap are the insured region's, because that region's fund finally pays and
    /// the person's year-to-date accumulators (one per person, wherever they were treated) belong to it. The treatment
    /// region's fund advances the fund share to the institution and the insured region owes it back (a clearing row).
    /// For a person treated where they are insured (every single-region ledger) this is the home policy, as before.
    /// </summary>
    /// <remarks>The regions and the home policy come with the settlement's inputs batch (one round trip); only a holder
    /// insured elsewhere costs one more read, of that region's policy.</remarks>
    private static async Task<(VisitPolicy? Policy, RegionRoute Route)> PolicyForAsync(LedgerSession s, SettlementInputs inputs, SettlementRequest request)
    {
        RegionRoute route = inputs.Regions is { } regions
            ? new RegionRoute(regions.Insured, regions.Treatment)
            : RegionRoute.Home;
        VisitPolicy? policy = route.Insured == Region.HomeCode
            ? inputs.HomePolicy
            : await s.GetRegionPolicyAsync(route.Insured, request.VisitType).ConfigureAwait(false);
        return (policy, route);
    }

    /// <summary>The explanation line of a remote settlement (none for a local one).</summary>
    private static IEnumerable<string> RemoteSteps(RegionRoute route)
    {
        if (route.IsRemote)
        {
            yield return "remote settlement: insured in " + route.Insured + ", treated in " + route.Treatment + ": items as classed by "
                + route.Treatment + ", deductible, co-payment and cap of " + route.Insured + "; " + route.Treatment + "'s fund advances the fund share, "
                + route.Insured + "'s fund owes it";
        }
    }

    /// <summary>Records what the insured region's fund owes the treatment region's fund for one remote settlement (also a
    /// zero fund share, so the period's count is the number of remote settlements).</summary>
    private static Task RecordClearingAsync(LedgerSession s, VerifiedTransaction tx, RegionRoute route, long fund) =>
        route.IsRemote
            ? s.InsertClearingAsync(tx.ReaderId, tx.Counter, ClearingKind.Settlement, route.Treatment, route.Insured, fund, tx.Time)
            : Task.CompletedTask;

    /// <summary>A refund gives the fund share back to the treatment region's fund, so the debt it had created is reversed
    /// (a negated row dated at the refund, which falls in the period of the refund).</summary>
    private async Task ReverseClearingAsync(LedgerSession s, uint readerId, uint counter)
    {
        if (await s.GetClearingAsync(readerId, counter, ClearingKind.Settlement).ConfigureAwait(false) is { } owed)
        {
            await s.InsertClearingAsync(readerId, counter, ClearingKind.Refund, owed.PaidBy, owed.OwedBy, -owed.Amount, _options.Clock.GetUtcNow())
                .ConfigureAwait(false);
        }
    }

    /// <summary>
    /// What the regional funds owe each other for the days <paramref name="from"/> to <paramref name="to"/> (inclusive, scheme
    /// calendar; <see cref="LedgerOptions.SchemeUtcOffset"/>): per (paid by, owed by) pair, the net amount and the number of
    /// remote settlements and refunds. A settlement counts on the day of care, a refund on the day it was made.
    /// </summary>
    public Task<ClearingReport> GetClearingReportAsync(DateOnly from, DateOnly to, CancellationToken cancellationToken = default)
    {
        if (to < from)
        {
            throw new ArgumentException("The period ends before it starts.", nameof(to));
        }

        var start = new DateTimeOffset(from.ToDateTime(TimeOnly.MinValue), _options.SchemeUtcOffset);
        DateTimeOffset until = new DateTimeOffset(to.ToDateTime(TimeOnly.MinValue), _options.SchemeUtcOffset).AddDays(1);
        return _store.InTransactionAsync(async (s, _) =>
        {
            await s.UseSnapshotAsync().ConfigureAwait(false);
            List<ClearingLine> lines = await s.SumClearingsAsync(start, until).ConfigureAwait(false);
            return new ClearingReport(from, to, lines);
        }, cancellationToken);
    }
}
