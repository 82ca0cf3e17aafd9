using System;
using System.Threading;
using System.Threading.Tasks;
using MedCard.Settlement.Model;
using MedCard.Settlement.Rules;

namespace MedCard.Settlement.Services;

public sealed partial class CardDesk
{
    /// <summary>Stops settlement on the card at once (the public rule allows an hour; we do not wait) and
    /// puts it on the hotlist. Name, ID number and card number must match.</summary>
    public Task<DeskResult> ReportLossAsync(LossReport report, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(report);
        return _store.InTransactionAsync(async (s, _) =>
        {
            Card? card = await s.GetCardAsync(report.CardNumber, forUpdate: true).ConfigureAwait(false);
            Person? person = card is null ? null : await s.GetPersonAsync(card.ResidentId).ConfigureAwait(false);
            if (card is null || person is null || !SameId(person.ResidentId, report.ResidentId)
                || !string.Equals(person.Name, report.Name?.Trim(), StringComparison.Ordinal))
            {
                // One answer for every mismatch, so the phone line cannot be used to probe card numbers.
                return DeskResult.Refused(ReasonCode.IdentityMismatch);
            }

            if (card.Lifecycle != CardLifecycle.Active)
            {
                return DeskResult.Refused(ReasonCode.InvalidCardState, card.Lifecycle.ToString());
            }

            await s.UpdateCardAsync(card with { Lifecycle = CardLifecycle.ReportedLost, LostAt = report.ReportedAt, LossChannel = report.Channel })
                .ConfigureAwait(false);
            await s.AppendHotlistChangeAsync(card.CardNumber, listed: true, Now).ConfigureAwait(false);
            return DeskResult.Ok;
        }, cancellationToken);
    }

    /// <summary>The card was found: settlement resumes and the card leaves the hotlist.</summary>
    public Task<DeskResult> CancelLossReportAsync(string cardNumber, string residentId, CancellationToken cancellationToken = default) =>
        _store.InTransactionAsync(async (s, _) =>
        {
            Card? card = await s.GetCardAsync(cardNumber, forUpdate: true).ConfigureAwait(false);
            if (card is null || !SameId(card.ResidentId, residentId))
            {
                return DeskResult.Refused(ReasonCode.IdentityMismatch);
            }

            if (card.Lifecycle != CardLifecycle.ReportedLost)
            {
                return DeskResult.Refused(ReasonCode.InvalidCardState, card.Lifecycle.ToString());
            }

            await s.UpdateCardAsync(card with { Lifecycle = CardLifecycle.Active, LostAt = null, LossChannel = null }).ConfigureAwait(false);
            await s.AppendHotlistChangeAsync(card.CardNumber, listed: false, Now).ConfigureAwait(false);
            return DeskResult.Ok;
        }, cancellationToken);

    /// <summary>
    /// Issues a replacement card. The balance needs no posting (it belongs to the person), the old card is
    /// dead forever (lifecycle Replaced, permanently on the hotlist) and its unprinted records move to the
    /// new card, so the 60-record count carries over too. Allowed for a lost card and for an active one
    /// (damaged card); an active one is added to the hotlist now.
    /// </summary>
    public async Task<DeskResult> ReplaceCardAsync(CardReplacement replacement, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(replacement);
        if (replacement.NewUid is null || replacement.NewUid.Length == 0 || string.IsNullOrWhiteSpace(replacement.NewCardNumber))
        {
            return DeskResult.Refused(ReasonCode.InvalidRequest);
        }

        PinCredential pin = _pins.Protect(replacement.NewCardNumber, replacement.NewPin);
        return await _store.InTransactionAsync(async (s, _) =>
        {
            Card? old = await s.GetCardAsync(replacement.OldCardNumber, forUpdate: true).ConfigureAwait(false);
            if (old is null || !SameId(old.ResidentId, replacement.ResidentId))
            {
                return DeskResult.Refused(ReasonCode.IdentityMismatch);
            }

            if (old.Lifecycle == CardLifecycle.Replaced)
            {
                return DeskResult.Refused(ReasonCode.CardReplaced);
            }

            if (await s.GetCardAsync(replacement.NewCardNumber).ConfigureAwait(false) is not null
                || await s.GetCardByUidAsync(replacement.NewUid).ConfigureAwait(false) is not null)
            {
                return DeskResult.Refused(ReasonCode.AlreadyExists, "card");
            }

            await s.InsertCardAsync(NewCard(replacement.NewCardNumber, replacement.NewUid, old.ResidentId, replacement.At, old.CardNumber,
                old.UnprintedCount), pin).ConfigureAwait(false);
            await s.MoveUnprintedRecordsAsync(old.CardNumber, replacement.NewCardNumber).ConfigureAwait(false);
            await s.UpdateCardAsync(old with
            {
                Lifecycle = CardLifecycle.Replaced,
                ReplacedAt = replacement.At,
                ReplacedBy = replacement.NewCardNumber,
                UnprintedCount = 0,
            }).ConfigureAwait(false);
            if (old.Lifecycle == CardLifecycle.Active)
            {
                await s.AppendHotlistChangeAsync(old.CardNumber, listed: true, Now).ConfigureAwait(false);
            }

            return DeskResult.Ok;
        }, cancellationToken).ConfigureAwait(false);
    }
}
