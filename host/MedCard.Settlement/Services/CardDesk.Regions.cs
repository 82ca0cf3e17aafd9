using System;
using System.Threading;
using System.Threading.Tasks;
using MedCard.Settlement.Model;
using MedCard.Settlement.Rules;
using MedCard.Settlement.Stores;

namespace MedCard.Settlement.Services;

/// <summary>Regions as data: the regions, their policies, the region of an institution and of an insured person.</summary>
public sealed partial class CardDesk
{
    /// <summary>Adds a region or renames it. Codes are stable: nothing refers to a region by its name.</summary>
    public Task<DeskResult> AddRegionAsync(Region region, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(region);
        if (TextRule.Problem(region.Code, TextRule.MaxIdLength) is { } codeProblem)
        {
            return Task.FromResult(DeskResult.Refused(ReasonCode.InvalidRequest, "the region code " + codeProblem));
        }

        if (TextRule.Problem(region.Name, TextRule.MaxNameLength) is { } nameProblem)
        {
            return Task.FromResult(DeskResult.Refused(ReasonCode.InvalidRequest, "the region name " + nameProblem));
        }

        return _store.InTransactionAsync(async (s, _) =>
        {
            await s.UpsertRegionAsync(region with { Name = region.Name.Trim() }).ConfigureAwait(false);
            return DeskResult.Ok;
        }, cancellationToken);
    }

    /// <summary>Sets the deductible, co-payment and cap of <paramref name="visitType"/> for the persons insured in
    /// <paramref name="regionCode"/> (for the home region, the same as <see cref="SetPolicyAsync"/>).</summary>
    public Task<DeskResult> SetRegionPolicyAsync(string regionCode, VisitType visitType, VisitPolicy policy, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(regionCode);
        ArgumentNullException.ThrowIfNull(policy);
        policy.Validate();
        return InKnownRegionAsync(regionCode, s => s.UpsertRegionPolicyAsync(regionCode, visitType, policy), cancellationToken);
    }

    /// <summary>Registers an institution (or updates it) as located in <paramref name="regionCode"/>: bills settled
    /// there are classed by that region's catalogue, and its fund advances the fund share of remote patients.</summary>
    public Task<DeskResult> RegisterInstitutionInRegionAsync(Institution institution, string regionCode, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(institution);
        ArgumentNullException.ThrowIfNull(regionCode);
        TextRule.Validate(institution.InstitutionId, TextRule.MaxIdLength, nameof(institution.InstitutionId));
        TextRule.Validate(institution.Name, TextRule.MaxNameLength, nameof(institution.Name));
        return InKnownRegionAsync(regionCode, async s =>
        {
            await s.UpsertInstitutionAsync(institution).ConfigureAwait(false);
            await s.SetInstitutionRegionAsync(institution.InstitutionId, regionCode).ConfigureAwait(false);
        }, cancellationToken);
    }

    /// <summary>Moves an insured person to <paramref name="regionCode"/> (their insurance was transferred). Their year-to-date
    /// accumulators stay with them.</summary>
    public Task<DeskResult> SetInsuredRegionAsync(string residentId, string regionCode, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(residentId);
        ArgumentNullException.ThrowIfNull(regionCode);
        string id = MedCard.Protocol.ResidentId.Normalize(residentId);
        return _store.InTransactionAsync(async (s, _) =>
        {
            if (await s.GetRegionAsync(regionCode).ConfigureAwait(false) is null)
            {
                return UnknownRegion(regionCode);
            }

            if (await s.GetPersonAsync(id).ConfigureAwait(false) is null)
            {
                return DeskResult.Refused(ReasonCode.UnknownPerson, id);
            }

            await s.SetInsuredRegionAsync(id, regionCode).ConfigureAwait(false);
            return DeskResult.Ok;
        }, cancellationToken);
    }

    /// <summary>The refusal for an enrolment naming a region that does not exist, or null (none named, or it exists).</summary>
    private static async Task<DeskResult?> CheckInsuredRegionAsync(LedgerSession s, Enrolment enrolment) =>
        enrolment.InsuredRegion is { } code && await s.GetRegionAsync(code).ConfigureAwait(false) is null ? UnknownRegion(code) : null;

    private Task<DeskResult> InKnownRegionAsync(string regionCode, Func<LedgerSession, Task> write, CancellationToken cancellationToken) =>
        _store.InTransactionAsync(async (s, _) =>
        {
            if (await s.GetRegionAsync(regionCode).ConfigureAwait(false) is null)
            {
                return UnknownRegion(regionCode);
            }

            await write(s).ConfigureAwait(false);
            return DeskResult.Ok;
        }, cancellationToken);

    private static DeskResult UnknownRegion(string code) => DeskResult.Refused(ReasonCode.InvalidRequest, "unknown region " + code);
}
