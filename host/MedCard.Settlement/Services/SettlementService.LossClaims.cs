using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using MedCard.Settlement.Ledger;
using MedCard.Settlement.Model;
using MedCard.Settlement.Rules;
using MedCard.Settlement.Stores;

namespace MedCard.Settlement.Services;

public sealed partial class SettlementService
{
    /// <summary>
    /// Reimburses an outpatient or pharmacy bill paid in full (cash) while the card was reported lost,
    /// once the replacement card exists: the fund share the settlement would have had — same deductible,
    /// ratio, cap and rounding, counted in the year's accumulator — is credited to the personal account.
    /// The holder already paid the institution, so the institution's receivable is not touched.
    /// Emergency care is not claimed this way: it settled on the lost card directly.
    /// </summary>
    public Task<ClaimResult> ReimburseLossPeriodAsync(LossPeriodClaim claim, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(claim);
        ArgumentNullException.ThrowIfNull(claim.Items);
        if (TextRule.Problem(claim.ClaimReference, TextRule.MaxIdLength) is { } referenceProblem)
        {
            return Task.FromResult(ClaimResult.Refused(ReasonCode.InvalidRequest, "the claim reference " + referenceProblem));
        }

        return _store.InTransactionAsync(async (s, ct) =>
        {
            // The claim is checked in full before its reference is looked up: a reference alone proves nothing,
            // so an unknown card or another holder's bill never gets someone else's "already paid" answer.
            Card? card = await s.GetCardAsync(claim.LostCardNumber, forUpdate: true).ConfigureAwait(false);
            if (card is null)
            {
                return ClaimResult.Refused(ReasonCode.UnknownCard);
            }

            if (card.Lifecycle != CardLifecycle.Replaced || card.LostAt is not { } lostAt || card.ReplacedAt is not { } replacedAt)
            {
                return ClaimResult.Refused(ReasonCode.ClaimNotEligible, "the card must have been reported lost and then replaced");
            }

            if (claim.Time < lostAt || claim.Time >= replacedAt)
            {
                return ClaimResult.Refused(ReasonCode.ClaimNotEligible, "the bill is outside the loss period");
            }

            if (claim.VisitType is not (VisitType.Outpatient or VisitType.Pharmacy))
            {
                return ClaimResult.Refused(ReasonCode.ClaimNotEligible, "only outpatient and pharmacy costs are reimbursed this way");
            }

            Institution? institution = await s.GetInstitutionAsync(claim.InstitutionId).ConfigureAwait(false);
            if (institution is null)
            {
                return ClaimResult.Refused(ReasonCode.UnknownInstitution);
            }

            if (!institution.Designated)
            {
                return ClaimResult.Refused(ReasonCode.InstitutionNotDesignated);
            }

            // A loss-period claim is paid back by the fund where the holder is insured, under its policy (as a remote settlement).
            string insured = await s.GetInsuredRegionAsync(card.ResidentId).ConfigureAwait(false) ?? Region.HomeCode;
            VisitPolicy? policy = await s.GetRegionPolicyAsync(insured, claim.VisitType).ConfigureAwait(false);
            if (policy is null)
            {
                return ClaimResult.Refused(ReasonCode.NoPolicy);
            }

            if (!BillIsValid(claim.Items, out string problem, out _))
            {
                return ClaimResult.Refused(ReasonCode.InvalidBill, problem);
            }

            ClaimRecord? existing = await s.GetClaimAsync(claim.ClaimReference).ConfigureAwait(false);
            if (existing is not null)
            {
                // Idempotent only for the same claim: same card and holder, same time, institution, visit and total.
                return IsSameClaim(existing, card, claim)
                    ? new ClaimResult(null, true, existing.Fund, existing.Explanation.Split('\n'))
                    : ClaimResult.Refused(ReasonCode.ClaimReferenceReused, "reference " + claim.ClaimReference);
            }

            await s.GetPersonAsync(card.ResidentId, forUpdate: true).ConfigureAwait(false);
            int year = _options.AccountingYear(claim.Time);
            Accumulator ytd = await s.GetAccumulatorAsync(card.ResidentId, year, claim.VisitType, forUpdate: true).ConfigureAwait(false);
            FundShare share = SettlementCalculator.ComputeFundShare(claim.Items, policy, ytd);
            var postings = new List<Posting>
            {
                new(LedgerAccounts.RegionFund(insured), -share.Fund),
                new(LedgerAccounts.Personal(card.ResidentId), share.Fund),
            };
            long entryId = await s.InsertEntryAsync(EntryKind.LossReimbursement, claim.ClaimReference, _options.Clock.GetUtcNow(), postings)
                .ConfigureAwait(false);
            if (share.Fund > 0)
            {
                await s.AddToBalanceAsync(card.ResidentId, share.Fund).ConfigureAwait(false);
            }

            await s.UpsertAccumulatorAsync(ytd with
            {
                DeductibleMet = ytd.DeductibleMet + share.DeductibleApplied,
                FundPaid = ytd.FundPaid + share.Fund,
            }).ConfigureAwait(false);

            var steps = new List<string>(share.Steps) { "fund share " + SettlementCalculator.Fen(share.Fund) + " credited to the personal account" };
            await s.InsertClaimAsync(new ClaimRecord(claim.ClaimReference, card.CardNumber, card.ResidentId, claim.InstitutionId, claim.VisitType,
                year, claim.Time, share.Total, share.Fund, share.DeductibleApplied, entryId, string.Join('\n', steps))).ConfigureAwait(false);
            return new ClaimResult(null, false, share.Fund, steps);
        }, cancellationToken);
    }

    private static bool IsSameClaim(ClaimRecord existing, Card card, LossPeriodClaim claim)
    {
        long total = 0;
        foreach (BillItem item in claim.Items)
        {
            total += item.Amount;
        }

        return existing.CardNumber == card.CardNumber && existing.ResidentId == card.ResidentId
            && existing.InstitutionId == claim.InstitutionId && existing.VisitType == claim.VisitType
            && DbTime.ToDb(existing.Time) == DbTime.ToDb(claim.Time) && existing.Total == total;
    }
}
