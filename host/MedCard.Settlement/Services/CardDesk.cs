using System;
using System.Threading;
using System.Threading.Tasks;
using MedCard.Protocol;
using MedCard.Settlement.Ledger;
using MedCard.Settlement.Model;
using MedCard.Settlement.Rules;
using MedCard.Settlement.Stores;

namespace MedCard.Settlement.Services;

/// <summary>
/// Service-desk operations: enrolment, contributions, institutions and policies, family binding, PIN
/// reset and change, loss report / cancel / replace, and statement printing. There is deliberately no
/// withdrawal and no transfer operation: a personal balance only leaves the account through settlement.
/// </summary>
public sealed partial class CardDesk
{
    private readonly ILedgerStore _store;
    private readonly LedgerOptions _options;
    private readonly PinProtection _pins;

    /// <summary>A desk on <paramref name="store"/>; <paramref name="options"/> sets the clock, PIN hashing cost and scheme time zone.</summary>
    public CardDesk(ILedgerStore store, LedgerOptions? options = null)
    {
        _store = store ?? throw new ArgumentNullException(nameof(store));
        _options = options ?? new LedgerOptions();
        _pins = _options.PinProtection();
    }

    private DateTimeOffset Now => _options.Clock.GetUtcNow();

    /// <summary>Registers an institution or updates its name and designation.</summary>
    public Task RegisterInstitutionAsync(Institution institution, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(institution);
        TextRule.Validate(institution.InstitutionId, TextRule.MaxIdLength, nameof(institution.InstitutionId));
        TextRule.Validate(institution.Name, TextRule.MaxNameLength, nameof(institution.Name));
        return _store.InTransactionAsync(async (s, _) =>
        {
            await s.UpsertInstitutionAsync(institution).ConfigureAwait(false);
            return true;
        }, cancellationToken);
    }

    /// <summary>Sets the deductible, co-payment and yearly cap of <paramref name="visitType"/>.</summary>
    public Task SetPolicyAsync(VisitType visitType, VisitPolicy policy, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(policy);
        policy.Validate();
        return _store.InTransactionAsync(async (s, _) =>
        {
            await s.UpsertPolicyAsync(visitType, policy).ConfigureAwait(false);
            return true;
        }, cancellationToken);
    }

    /// <summary>Enrols a person with their first card and PIN, and posts the opening balance.</summary>
    public async Task<DeskResult> EnrolAsync(Enrolment enrolment, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(enrolment);
        string id = ResidentId.Normalize(enrolment.ResidentId);
        if (!ResidentId.IsValid(id))
        {
            return DeskResult.Refused(ReasonCode.InvalidResidentId);
        }

        if (enrolment.OpeningBalance < 0 || enrolment.CardUid is null || enrolment.CardUid.Length == 0
            || string.IsNullOrWhiteSpace(enrolment.CardNumber) || string.IsNullOrWhiteSpace(enrolment.Name))
        {
            return DeskResult.Refused(ReasonCode.InvalidRequest);
        }

        if (TextRule.Problem(enrolment.Name, TextRule.MaxNameLength) is { } nameProblem)
        {
            return DeskResult.Refused(ReasonCode.InvalidRequest, "the name " + nameProblem);
        }

        if (!string.IsNullOrEmpty(enrolment.Employer) && TextRule.Problem(enrolment.Employer, TextRule.MaxNameLength) is { } employerProblem)
        {
            return DeskResult.Refused(ReasonCode.InvalidRequest, "the employer " + employerProblem);
        }

        if (!Enum.IsDefined(enrolment.Gender))
        {
            return DeskResult.Refused(ReasonCode.InvalidRequest, "unknown gender");
        }

        PinCredential pin = _pins.Protect(enrolment.CardNumber, enrolment.Pin);
        DateTimeOffset now = Now;
        return await _store.InTransactionAsync(async (s, _) =>
        {
            if (await CheckInsuredRegionAsync(s, enrolment).ConfigureAwait(false) is { } unknownRegion)
            {
                return unknownRegion;
            }

            if (await s.GetPersonAsync(id).ConfigureAwait(false) is not null)
            {
                return DeskResult.Refused(ReasonCode.AlreadyExists, "person " + id);
            }

            if (await s.GetCardAsync(enrolment.CardNumber).ConfigureAwait(false) is not null
                || await s.GetCardByUidAsync(enrolment.CardUid).ConfigureAwait(false) is not null)
            {
                return DeskResult.Refused(ReasonCode.AlreadyExists, "card");
            }

            // Names are compared exactly on loss reports, so store them trimmed.
            await s.InsertPersonAsync(new Person(id, enrolment.Name.Trim(), enrolment.Gender, enrolment.Employer?.Trim() ?? string.Empty, 0))
                .ConfigureAwait(false);
            await s.InsertCardAsync(NewCard(enrolment.CardNumber, enrolment.CardUid, id, now, null), pin).ConfigureAwait(false);
            if (enrolment.InsuredRegion is { } region)
            {
                await s.SetInsuredRegionAsync(id, region).ConfigureAwait(false);
            }

            if (enrolment.OpeningBalance > 0)
            {
                await ContributeAsync(s, id, enrolment.OpeningBalance, "enrol:" + id, now).ConfigureAwait(false);
            }

            return DeskResult.Ok;
        }, cancellationToken).ConfigureAwait(false);
    }

    private static Card NewCard(string number, byte[] uid, string residentId, DateTimeOffset at, string? replaces, int unprinted = 0) =>
        new(number, (byte[])uid.Clone(), residentId, CardLifecycle.Active, CardRules.PinTries, unprinted, at, null, null, null, null, replaces);

    /// <summary>Pays money into a personal account (employer or holder contribution). Idempotent by reference.</summary>
    public Task<DeskResult> CreditPersonalAccountAsync(string residentId, long amount, string reference, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reference);
        if (amount <= 0)
        {
            return Task.FromResult(DeskResult.Refused(ReasonCode.InvalidRequest, "amount must be positive"));
        }

        DateTimeOffset now = Now;
        return _store.InTransactionAsync(async (s, _) =>
        {
            if (await s.FindEntryAsync(EntryKind.Contribution, reference).ConfigureAwait(false) is not null)
            {
                return DeskResult.Ok;
            }

            if (await s.GetPersonAsync(residentId, forUpdate: true).ConfigureAwait(false) is null)
            {
                return DeskResult.Refused(ReasonCode.UnknownPerson);
            }

            await ContributeAsync(s, residentId, amount, reference, now).ConfigureAwait(false);
            return DeskResult.Ok;
        }, cancellationToken);
    }

    private static async Task ContributeAsync(LedgerSession s, string residentId, long amount, string reference, DateTimeOffset at)
    {
        await s.InsertEntryAsync(EntryKind.Contribution, reference, at,
            [new Posting(LedgerAccounts.Personal(residentId), amount), new Posting(LedgerAccounts.Contributions, -amount)]).ConfigureAwait(false);
        await s.AddToBalanceAsync(residentId, amount).ConfigureAwait(false);
    }

    /// <summary>Lets <paramref name="payerResidentId"/>'s personal account pay for the beneficiary, who is the
    /// payer's <paramref name="relation"/>.</summary>
    public Task<DeskResult> BindRelativeAsync(string payerResidentId, string beneficiaryResidentId, Relation relation, CancellationToken cancellationToken = default)
    {
        if (!Enum.IsDefined(relation) || payerResidentId == beneficiaryResidentId)
        {
            return Task.FromResult(DeskResult.Refused(ReasonCode.InvalidRequest));
        }

        DateTimeOffset now = Now;
        return _store.InTransactionAsync(async (s, _) =>
        {
            if (await s.GetPersonAsync(payerResidentId).ConfigureAwait(false) is null
                || await s.GetPersonAsync(beneficiaryResidentId).ConfigureAwait(false) is null)
            {
                return DeskResult.Refused(ReasonCode.UnknownPerson);
            }

            if (await s.GetBindingAsync(payerResidentId, beneficiaryResidentId).ConfigureAwait(false) is not null)
            {
                return DeskResult.Refused(ReasonCode.AlreadyExists, "binding");
            }

            await s.InsertBindingAsync(new FamilyBinding(payerResidentId, beneficiaryResidentId, relation), now).ConfigureAwait(false);
            return DeskResult.Ok;
        }, cancellationToken);
    }

    /// <summary>Removes the binding that lets the payer's account pay for the beneficiary.</summary>
    public Task<DeskResult> UnbindRelativeAsync(string payerResidentId, string beneficiaryResidentId, CancellationToken cancellationToken = default) =>
        _store.InTransactionAsync(async (s, _) =>
            await s.DeleteBindingAsync(payerResidentId, beneficiaryResidentId).ConfigureAwait(false)
                ? DeskResult.Ok
                : DeskResult.Refused(ReasonCode.InvalidRequest, "no such binding"),
            cancellationToken);
}
