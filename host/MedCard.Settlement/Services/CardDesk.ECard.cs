using System;
using System.Security.Cryptography;
using System.Threading;
using System.Threading.Tasks;
using MedCard.Protocol;
using MedCard.Settlement.Model;
using MedCard.Settlement.Rules;

namespace MedCard.Settlement.Services;

public sealed partial class CardDesk
{
    /// <summary>
    /// Issues an e-card token to the enrolled holder of <paramref name="cardNumber"/> (the resident ID must be theirs):
    /// signed with the scheme's e-card key (<see cref="LedgerOptions.ECardKeys"/>), valid
    /// <see cref="LedgerOptions.ECardLifetime"/>, single use. A lost or replaced card gets none. Throws
    /// <see cref="InvalidOperationException"/> when no e-card key store is configured.
    /// </summary>
    public async Task<ECardIssue> IssueECardAsync(string cardNumber, string residentId, CancellationToken cancellationToken = default)
    {
        IPinVerificationKeyStore keys = _options.ECardKeys ?? throw new InvalidOperationException("No e-card key store is configured (LedgerOptions.ECardKeys).");
        string id = ResidentId.Normalize(residentId?.Trim()!);
        if (!ResidentIdRule.IsValid(id, Today))
        {
            return new ECardIssue(Refusal.Of(ReasonCode.InvalidResidentId), null, null);
        }

        string tokenId = Convert.ToHexString(RandomNumberGenerator.GetBytes(16)).ToLowerInvariant();
        DateTimeOffset issued = Now;
        DateTimeOffset expires = issued + _options.ECardLifetime;
        return await _store.InTransactionAsync(async (s, _) =>
        {
            Card? card = await s.GetCardAsync(cardNumber, forUpdate: true).ConfigureAwait(false);
            if (card is null || !string.Equals(card.ResidentId, id, StringComparison.Ordinal))
            {
                return new ECardIssue(Refusal.Of(ReasonCode.IdentityMismatch), null, null);
            }

            if (card.Lifecycle != CardLifecycle.Active)
            {
                return new ECardIssue(Refusal.Of(card.Lifecycle == CardLifecycle.Replaced ? ReasonCode.CardReplaced : ReasonCode.CardReportedLost), null, null);
            }

            await s.InsertECardTokenAsync(tokenId, card.CardNumber, issued, expires).ConfigureAwait(false);
            return new ECardIssue(null, ECardToken.Create(keys, tokenId, card.CardNumber, id, issued, expires), expires);
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Sets whether the institution accepts e-cards (data per institution; none does until set).</summary>
    public Task<DeskResult> SetECardAcceptanceAsync(string institutionId, bool accepts, CancellationToken cancellationToken = default) =>
        _store.InTransactionAsync(async (s, _) =>
        {
            if (await s.GetInstitutionAsync(institutionId).ConfigureAwait(false) is null)
            {
                return DeskResult.Refused(ReasonCode.UnknownInstitution, institutionId);
            }

            await s.SetECardAcceptanceAsync(institutionId, accepts).ConfigureAwait(false);
            return DeskResult.Ok;
        }, cancellationToken);
}
